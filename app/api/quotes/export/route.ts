import { NextResponse } from "next/server";
import { route } from "@/lib/route/handler";
import { requestLanguage } from "@/lib/i18n/request-language";
import { quoteRoutes } from "@/lib/quotes/contract";
import { exportQuotes } from "@/lib/quotes/service";

/** The visible quotes as a file grouped by code: `?format=csv|md&lang=en|ru` (and the browser's filters). */
export const GET = route(quoteRoutes.export, async ({ actor, query, req }) => {
  const file = await exportQuotes(actor, { ...query, lang: requestLanguage(req, actor, query.lang) });
  return new NextResponse(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "no-store",
    },
  });
});
