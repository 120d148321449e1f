import { z } from "zod";
import { ZCodeNode } from "@/lib/codebook/contract";
import { ExpertGroup, InterviewMode, InterviewStatus } from "@/lib/generated/prisma/enums";
import { defineRoute, ZIsoDate } from "@/lib/http/contract";
import { ZGuide, ZText } from "@/lib/instrument/definition";
import { ZCodeIds, ZCreateInterview, ZInterviewParams, ZNoteParams, ZOwnInterviewsQuery, ZSaveNote } from "@/lib/interviews/schemas";

const ZExpertFacts = z.object({ pseudonym: z.number(), country: z.string(), expertGroup: z.enum(ExpertGroup) });
/** What every list of interviews shows of one. */
const ZInterviewRow = z.object({ id: z.string(), plannedAt: ZIsoDate, mode: z.enum(InterviewMode), status: z.enum(InterviewStatus) });
const ZCodeIdsView = z.object({ codeIds: z.array(z.string()) });

export const ZNoteView = z.object({
  text: z.string(),
  probesAsked: z.array(z.string()),
  skipped: z.boolean(),
  revision: z.number(),
  firstWorkedAt: ZIsoDate.nullable(),
  lastWorkedAt: ZIsoDate.nullable(),
  codeIds: z.array(z.string()),
});

/** The workspace's data: guide, notes with revisions, quotes and codebook. */
export const ZInterviewDetail = z.object({
  id: z.string(),
  status: z.enum(InterviewStatus),
  mode: z.enum(InterviewMode),
  plannedAt: ZIsoDate,
  consentAt: ZIsoDate.nullable(),
  startedAt: ZIsoDate.nullable(),
  finishedAt: ZIsoDate.nullable(),
  durationSeconds: z.number(),
  studyId: z.string(),
  expert: ZExpertFacts,
  guide: z.object({ versionId: z.string(), definition: ZGuide }),
  notes: z.record(z.string(), ZNoteView),
  quotes: z.array(z.object({ id: z.string(), questionCode: z.string(), start: z.number(), end: z.number(), text: z.string(), noteChanged: z.boolean(), codeIds: z.array(z.string()) })),
  codes: z.array(ZCodeNode),
});

/** An autosave's answer: saved (or a replay of a saved mutation), or 409 with the stored note. */
export const ZSaveNoteResult = z.discriminatedUnion("status", [
  z.object({ status: z.literal("saved"), revision: z.number(), replay: z.boolean() }),
  z.object({ status: z.literal("conflict"), revision: z.number(), note: z.object({ text: z.string(), probesAsked: z.array(z.string()), skipped: z.boolean() }) }),
]);

export const interviewRoutes = {
  list: defineRoute({
    method: "GET",
    path: "/api/coordinator/interviews",
    summary: "Every interview of the coordinator's studies, with experts' real names.",
    roles: ["COORDINATOR"],
    response: z.object({
      interviews: z.array(
        ZInterviewRow.extend({
          startedAt: ZIsoDate.nullable(),
          finishedAt: ZIsoDate.nullable(),
          durationSeconds: z.number(),
          expert: ZExpertFacts.extend({ id: z.string(), name: z.string() }),
          interviewer: z.object({ id: z.string(), name: z.string() }),
          guide: z.object({ versionId: z.string(), name: z.string(), number: z.number(), title: ZText.optional() }),
        }),
      ),
    }),
  }),
  create: defineRoute({
    method: "POST",
    path: "/api/coordinator/interviews",
    summary: "Assigns an interview of an expert to an interviewer along a guide.",
    roles: ["COORDINATOR"],
    body: ZCreateInterview,
    response: z.object({ id: z.string() }),
  }),
  cancel: defineRoute({
    method: "POST",
    path: "/api/coordinator/interviews/[interviewId]/cancel",
    summary: "Cancels a planned or running interview.",
    roles: ["COORDINATOR"],
    params: ZInterviewParams,
    response: z.object({ status: z.literal("CANCELLED") }),
  }),
  reopen: defineRoute({
    method: "POST",
    path: "/api/coordinator/interviews/[interviewId]/reopen",
    summary: "Reopens a finished interview.",
    roles: ["COORDINATOR"],
    params: ZInterviewParams,
    response: z.object({ status: z.literal("IN_PROGRESS") }),
  }),
  own: defineRoute({
    method: "GET",
    path: "/api/interviewer/interviews",
    summary: "The acting interviewer's own interviews by planned date; `?status=` filters. No real names.",
    roles: ["INTERVIEWER"],
    query: ZOwnInterviewsQuery,
    response: z.object({
      interviews: z.array(
        ZInterviewRow.extend({
          expert: ZExpertFacts,
          guideName: z.string(),
          guideTitle: ZText.optional(),
        }),
      ),
    }),
  }),
  get: defineRoute({
    method: "GET",
    path: "/api/interviews/[interviewId]",
    summary: "The workspace's data (own interview, or any of the study for a coordinator).",
    roles: ["INTERVIEWER", "COORDINATOR"],
    params: ZInterviewParams,
    response: ZInterviewDetail,
  }),
  consent: defineRoute({
    method: "POST",
    path: "/api/interviews/[interviewId]/consent",
    summary: "Records the expert's consent to the interview and starts it.",
    roles: ["INTERVIEWER"],
    params: ZInterviewParams,
    response: z.object({ consentAt: ZIsoDate }),
  }),
  finish: defineRoute({
    method: "POST",
    path: "/api/interviews/[interviewId]/finish",
    summary: "Finishes the interview.",
    roles: ["INTERVIEWER"],
    params: ZInterviewParams,
    response: z.object({ finishedAt: ZIsoDate, durationSeconds: z.number() }),
  }),
  saveNote: defineRoute({
    method: "POST",
    path: "/api/interviews/[interviewId]/notes",
    summary: "Autosave of the notes on one question: 200 once committed, 409 with the stored note when a newer one exists.",
    roles: ["INTERVIEWER"],
    params: ZInterviewParams,
    body: ZSaveNote,
    response: ZSaveNoteResult,
  }),
  noteCodes: defineRoute({
    method: "PUT",
    path: "/api/interviews/[interviewId]/notes/[questionCode]/codes",
    summary: "Sets the theme codes of one question's notes.",
    roles: ["INTERVIEWER", "COORDINATOR"],
    params: ZNoteParams,
    body: ZCodeIds,
    response: ZCodeIdsView,
  }),
};
