"use client";

import { useDurableAutosave, type TServerValues } from "@/components/questionnaire/use-autosave";
import { api, apiHref, type TInputOf, type TResponseOf } from "@/lib/api/client";
import { classifyFailure, queueKey, readSaveAnswer } from "@/lib/autosave/queue";
import type { TNoteValue, TServerNote } from "./types";

export type TNoteSaveStatus = "saved" | "saving" | "offline" | "unavailable" | "refused" | "signedOut" | "finished" | "consentRequired";

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
    // The save path keeps its own transport (the queue reads the 409's body); what it sends and
    // reads is the route's contract (lib/interviews/contract.ts).
    send: async (change) => {
      const note = change.value ?? { text: "", probesAsked: [], skipped: false };
      const payload: TInputOf<"POST /api/interviews/[interviewId]/notes">["body"] = {
        mutationId: change.mutationId,
        questionCode: change.item,
        baseRevision: change.baseRevision,
        text: note.text,
        probesAsked: note.probesAsked,
        skipped: note.skipped,
      };
      const res = await fetch(apiHref("POST /api/interviews/[interviewId]/notes", { params: { interviewId } }), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(payload),
      });
      const { body, reply, error } = await readSaveAnswer<TResponseOf<"POST /api/interviews/[interviewId]/notes">>(res);
      if (res.ok && reply?.status === "saved") return { kind: "saved", revision: reply.revision };
      if (res.status === 409 && reply?.status === "conflict") return { kind: "conflict", revision: reply.revision, value: reply.note };
      // Finished (here or in another tab): kept, not sent; if a coordinator reopens it, they go out then.
      if (res.status === 409 && error?.code === "finished") return { kind: "halt", status: "finished" };
      if (res.status === 403 && error?.code === "consent_required") return { kind: "halt", status: "consentRequired" };
      // Signed out (e.g. the session expired): everything stays queued until the interviewer is back.
      if (res.status === 401 || res.status === 403) return { kind: "halt", status: "signedOut" };
      // Refused for good (invalid, unknown question, a reused mutation id), or a server error to retry.
      return classifyFailure(res.status, body);
    },
    snapshot: async () => {
      const res = await api("GET /api/interviews/[interviewId]", { params: { interviewId } });
      if (!res.ok) return res.error.status === 401 || res.error.status === 403 ? "signedOut" : null;
      return toValues(res.data.notes);
    },
  });
  return { ...autosave, status: autosave.status as TNoteSaveStatus };
}
