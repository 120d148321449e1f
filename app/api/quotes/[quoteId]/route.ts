import { route } from "@/lib/http/handler";
import { ZQuoteParams } from "@/lib/quotes/schemas";
import { deleteQuote } from "@/lib/quotes/service";

export const DELETE = route({ roles: ["INTERVIEWER", "COORDINATOR"], params: ZQuoteParams }, async ({ actor, params }) => deleteQuote(actor, params.quoteId));
