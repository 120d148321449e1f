"use client";

import { useDurableAutosave, type TServerValues } from "@/components/questionnaire/use-autosave";
import { classifyFailure, queueKey } from "@/lib/autosave/queue";
import type { TNoteValue, TServerNote } from "./types";

export type TNoteSaveStatus = "saved" | "saving" | "offline" | "unavailable" | "refused" | "signedOut" | "finished" | "consentRequired";

type TNoteResponse = {
  status?: string;
  revision?: number;
  note?: TNoteValue;
  error?: { code?: string; details?: unknown };
};

function toValues(notes: Record<string, Pick<TServerNote, "text" | "probesAsked" | "skipped" | "revision">>): TServerValues<TNoteValue> {
  const values: TServerValues<TNoteValue> = {};
  for (const [code, n] of Object.entries(notes)) values[code] = { value: { text: n.text, probesAsked: n.probesAsked, skipped: n.skipped }, revision: n.revision };
  return values;
}

/**
 * The interviewer's notes and their way to the server: the same durable, idempotent autosave as the
 * expert's questionnaire (lib/autosave/queue.ts in localStorage, a mutation id and a base revision
 * per change), one entry per main question, sent to POST /api/interviews/[id]/notes.
 */
export function useNoteAutosave({ userId, interviewId, initial }: { userId: string; interviewId: string; initial: Record<string, TServerNote> }) {
  const autosave = useDurableAutosave<TNoteValue, "finished" | "consentRequired">({
    key: queueKey(userId, `interview.${interviewId}`),
    initial: toValues(initial),
    keepOnChange: ["finished"],
    send: async (change) => {
      const note = change.value ?? { text: "", probesAsked: [], skipped: false };
      const res = await fetch(`/api/interviews/${interviewId}/notes`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          mutationId: change.mutationId,
          questionCode: change.item,
          baseRevision: change.baseRevision,
          text: note.text,
          probesAsked: note.probesAsked,
          skipped: note.skipped,
        }),
      });
      const body = (await res.json().catch(() => null)) as TNoteResponse | null;
      if (res.ok && body?.status === "saved") return { kind: "saved", revision: body.revision! };
      if (res.status === 409 && body?.status === "conflict") return { kind: "conflict", revision: body.revision!, value: body.note ?? null };
      // Finished (here or in another tab): kept, not sent; if a coordinator reopens it, they go out then.
      if (res.status === 409 && body?.error?.code === "finished") return { kind: "halt", status: "finished" };
      if (res.status === 403 && body?.error?.code === "consent_required") return { kind: "halt", status: "consentRequired" };
      // Signed out (e.g. the session expired): everything stays queued until the interviewer is back.
      if (res.status === 401 || res.status === 403) return { kind: "halt", status: "signedOut" };
      // Refused for good (invalid, unknown question, a reused mutation id), or a server error to retry.
      return classifyFailure(res.status, body);
    },
    snapshot: async () => {
      const res = await fetch(`/api/interviews/${interviewId}`, { cache: "no-store" });
      if (res.status === 401 || res.status === 403) return "signedOut";
      if (!res.ok) return null;
      const data = (await res.json()) as { notes?: Record<string, TServerNote> };
      return data.notes ? toValues(data.notes) : null;
    },
  });
  return { ...autosave, status: autosave.status as TNoteSaveStatus };
}
