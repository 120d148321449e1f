import { route } from "@/lib/route/handler";
import { reply } from "@/lib/http/reply";
import { interviewRoutes } from "@/lib/interviews/contract";
import { saveNote } from "@/lib/interviews/service";

/** Autosave of the notes on one question: 200 once committed, 409 with the stored note when a newer one exists. */
export const POST = route(interviewRoutes.saveNote, async ({ actor, params, body }) => {
  const result = await saveNote(actor, params.interviewId, body);
  return reply(result, { status: result.status === "conflict" ? 409 : 200, headers: { "Cache-Control": "no-store" } });
});
