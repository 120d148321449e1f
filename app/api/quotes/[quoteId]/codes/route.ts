import { route } from "@/lib/http/handler";
import { ZCodeIds } from "@/lib/interviews/schemas";
import { ZQuoteParams } from "@/lib/quotes/schemas";
import { setQuoteCodes } from "@/lib/quotes/service";

export const PUT = route({ roles: ["INTERVIEWER", "COORDINATOR"], params: ZQuoteParams, body: ZCodeIds }, async ({ actor, params, body }) =>
  setQuoteCodes(actor, params.quoteId, body),
);
