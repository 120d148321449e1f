import { route } from "@/lib/route/handler";
import { requestLanguage } from "@/lib/i18n/request-language";
import { quoteRoutes } from "@/lib/quotes/contract";
import { listQuotes } from "@/lib/quotes/service";

/** The quotes browser: `?code=&block=&country=&group=` (and `lang=`, else the interface language). */
export const GET = route(quoteRoutes.list, async ({ actor, query, req }) => listQuotes(actor, { ...query, lang: requestLanguage(req, actor, query.lang) }));
