import { z } from "zod";

export const INTERVIEW_MODES = ["IN_PERSON", "PHONE", "VIDEO"] as const;
export const INTERVIEW_STATUSES = ["PLANNED", "IN_PROGRESS", "DONE", "CANCELLED"] as const;
export const ZInterviewMode = z.enum(INTERVIEW_MODES);
export const ZInterviewStatus = z.enum(INTERVIEW_STATUSES);

/** Longest note on one question, in characters. */
export const NOTE_MAX_CHARS = 50_000;
/** Most codes on one quote or note. */
export const MAX_CODES_PER_TAG = 100;

/** A coordinator assigns an interview: an expert, an interviewer and a published guide version. */
export const ZCreateInterview = z.object({
  expertId: z.uuid(),
  interviewerId: z.uuid(),
  versionId: z.uuid(),
  plannedAt: z.iso.datetime({ offset: true }),
  mode: ZInterviewMode,
});
export type TCreateInterview = z.input<typeof ZCreateInterview>;

export const ZOwnInterviewsQuery = z.object({ status: ZInterviewStatus.optional() });

/** One autosave of the notes on one main question, based on the revision the client last saw. */
export const ZSaveNote = z.object({
  mutationId: z.uuid(),
  questionCode: z.string().min(1).max(40),
  baseRevision: z.number().int().min(0).max(1_000_000),
  text: z.string().max(NOTE_MAX_CHARS, `at most ${NOTE_MAX_CHARS} characters`),
  probesAsked: z.array(z.string().min(1).max(40)).max(100),
  skipped: z.boolean(),
});
export type TSaveNote = z.input<typeof ZSaveNote>;

export const ZCodeIds = z.object({ codeIds: z.array(z.uuid()).max(MAX_CODES_PER_TAG) });
export type TCodeIds = z.input<typeof ZCodeIds>;

export const ZInterviewParams = z.object({ interviewId: z.uuid() });
export const ZNoteParams = z.object({ interviewId: z.uuid(), questionCode: z.string().min(1).max(40) });
