import { z } from "zod";
import { publicRoute, requestAddress } from "@/lib/http/handler";
import { askForNewLink } from "@/lib/panel/link-requests";

// Answers the same whether or not the link named an expert, so it reveals nothing; throttled per
// client address like sign-in (429 with Retry-After once an address has asked too often).
export const POST = publicRoute({ body: z.object({ token: z.string().min(1).max(200) }) }, async ({ req, body }) => {
  await askForNewLink(body.token, requestAddress(req));
  return { ok: true };
});
