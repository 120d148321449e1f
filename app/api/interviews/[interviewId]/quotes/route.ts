import { route } from "@/lib/route/handler";
import { quoteRoutes } from "@/lib/quotes/contract";
import { createQuote } from "@/lib/quotes/service";

export const POST = route(quoteRoutes.create, async ({ actor, params, body }) => createQuote(actor, params.interviewId, body));
