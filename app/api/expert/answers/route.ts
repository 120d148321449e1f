import { route } from "@/lib/route/handler";
import { reply } from "@/lib/http/reply";
import { responseRoutes } from "@/lib/responses/contract";
import { saveAnswer } from "@/lib/responses/service";

/** Autosave of one answer: 200 once committed, 409 with the stored value when a newer one exists. */
export const POST = route(responseRoutes.saveAnswer, async ({ actor, body }) => {
  const result = await saveAnswer(actor, body);
  return reply(result, { status: result.status === "conflict" ? 409 : 200, headers: { "Cache-Control": "no-store" } });
});
