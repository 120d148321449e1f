import type { TCodeNode } from "@/lib/codebook/tree";
import type { TGuide } from "@/lib/instrument/definition";
import { INTERVIEW_MODES, INTERVIEW_STATUSES } from "@/lib/interviews/schemas";

export type { TCodeNode } from "@/lib/codebook/tree";
export { INTERVIEW_MODES, INTERVIEW_STATUSES } from "@/lib/interviews/schemas";
export { QUOTE_MAX_CHARS } from "@/lib/quotes/schemas";
export type TInterviewStatus = (typeof INTERVIEW_STATUSES)[number];
export type TInterviewMode = (typeof INTERVIEW_MODES)[number];

/** What autosave sends for one main question: the note, the probes asked, and whether it was skipped. */
export type TNoteValue = { text: string; probesAsked: string[]; skipped: boolean };
export const EMPTY_NOTE: TNoteValue = { text: "", probesAsked: [], skipped: false };

export type TServerNote = TNoteValue & { revision: number; firstWorkedAt: string | null; lastWorkedAt: string | null; codeIds: string[] };
/** `noteChanged`: the note was edited where the passage was (lib/interviews/anchors.ts); the quote keeps its text. */
export type TQuoteItem = { id: string; questionCode: string; start: number; end: number; text: string; noteChanged?: boolean; codeIds: string[] };
export type TExpertRef = { pseudonym: number; country: string; expertGroup: string };

/** An interview as the workspace gets it from the server (GET /api/interviews/[id]), dates as ISO strings. */
export type TInterviewClient = {
  id: string;
  status: TInterviewStatus;
  mode: TInterviewMode;
  plannedAt: string;
  consentAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  durationSeconds: number;
  studyId: string;
  expert: TExpertRef;
  guide: { versionId: string; name?: string; definition: TGuide };
  notes: Record<string, TServerNote>;
  quotes: TQuoteItem[];
  codes: TCodeNode[];
};
