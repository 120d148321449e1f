import type { TGuide } from "@/lib/instrument/definition";
import type { TCodeNode, TInterviewClient, TInterviewMode, TInterviewStatus, TQuoteItem, TServerNote } from "./types";

type TDateLike = Date | string | null | undefined;

/** ISO string of a date from the data layer (a Date, or already a string); null stays null. */
export function iso(value: TDateLike): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === "string" ? value : value.toISOString();
}

type TServerInterview = {
  id: string;
  status: string;
  mode: string;
  plannedAt: TDateLike;
  consentAt: TDateLike;
  startedAt: TDateLike;
  finishedAt: TDateLike;
  durationSeconds: number;
  studyId: string;
  expert: { pseudonym: number; country: string; expertGroup: string };
  guide: { versionId: string; name?: string; definition: unknown };
  notes: Record<string, { text: string; probesAsked: unknown; skipped: boolean; revision: number; firstWorkedAt: TDateLike; lastWorkedAt: TDateLike; codeIds: string[] }>;
  quotes: Array<{ id: string; questionCode: string; start: number; end: number; text: string; codeIds: string[] }>;
  codes: TCodeNode[];
};

/**
 * The interview from the data layer as plain JSON for the client components: dates become ISO
 * strings, and only what the workspace shows is passed (the expert by pseudonym, never by name).
 */
export function toClientInterview(data: TServerInterview): TInterviewClient {
  const notes: Record<string, TServerNote> = {};
  for (const [code, n] of Object.entries(data.notes)) {
    notes[code] = {
      text: n.text,
      probesAsked: Array.isArray(n.probesAsked) ? (n.probesAsked as string[]) : [],
      skipped: n.skipped,
      revision: n.revision,
      firstWorkedAt: iso(n.firstWorkedAt),
      lastWorkedAt: iso(n.lastWorkedAt),
      codeIds: [...n.codeIds],
    };
  }
  return {
    id: data.id,
    status: data.status as TInterviewStatus,
    mode: data.mode as TInterviewMode,
    plannedAt: iso(data.plannedAt)!,
    consentAt: iso(data.consentAt),
    startedAt: iso(data.startedAt),
    finishedAt: iso(data.finishedAt),
    durationSeconds: data.durationSeconds,
    studyId: data.studyId,
    expert: { pseudonym: data.expert.pseudonym, country: data.expert.country, expertGroup: data.expert.expertGroup },
    guide: { versionId: data.guide.versionId, name: data.guide.name, definition: data.guide.definition as TGuide },
    notes,
    quotes: data.quotes.map((q): TQuoteItem => ({ id: q.id, questionCode: q.questionCode, start: q.start, end: q.end, text: q.text, codeIds: [...q.codeIds] })),
    codes: data.codes,
  };
}
