import { z } from "zod";
import { publicRoute } from "@/lib/http/handler";
import { askForNewLink } from "@/lib/panel/link-requests";

// Answers the same whether or not the link named an expert, so it reveals nothing.
export const POST = publicRoute({ body: z.object({ token: z.string().min(1).max(200) }) }, async ({ body }) => {
  await askForNewLink(body.token);
  return { ok: true };
});
