import { route } from "@/lib/http/handler";
import { parseQuery } from "@/lib/interviews/input";
import { requestLanguage } from "@/lib/quotes/language";
import { ZQuoteFilters } from "@/lib/quotes/schemas";
import { listQuotes } from "@/lib/quotes/service";

/** The quotes browser: `?code=&block=&country=&group=` (and `lang=`, else the interface language). */
export const GET = route({ roles: ["INTERVIEWER", "COORDINATOR"] }, async ({ actor, req }) => {
  const filters = parseQuery(ZQuoteFilters, req.nextUrl.searchParams);
  return listQuotes(actor, { ...filters, lang: requestLanguage(req, actor, filters.lang) });
});
