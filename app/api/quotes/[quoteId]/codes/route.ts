import { route } from "@/lib/route/handler";
import { quoteRoutes } from "@/lib/quotes/contract";
import { setQuoteCodes } from "@/lib/quotes/service";

export const PUT = route(quoteRoutes.codes, async ({ actor, params, body }) => setQuoteCodes(actor, params.quoteId, body));
