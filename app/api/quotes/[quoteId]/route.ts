import { route } from "@/lib/route/handler";
import { quoteRoutes } from "@/lib/quotes/contract";
import { deleteQuote } from "@/lib/quotes/service";

export const DELETE = route(quoteRoutes.remove, async ({ actor, params }) => deleteQuote(actor, params.quoteId));
