import { publicRoutes } from "@/lib/api/public-contract";
import { requestAddress, route } from "@/lib/route/handler";
import { askForNewLink } from "@/lib/panel/link-requests";

// Answers the same whether or not the link named an expert, so it reveals nothing; throttled per
// client address like sign-in (429 with Retry-After once an address has asked too often).
export const POST = route(publicRoutes.requestLink, async ({ req, body }) => {
  await askForNewLink(body.token, requestAddress(req));
  return { ok: true as const };
});
