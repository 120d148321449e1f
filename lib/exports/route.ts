import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { ZStudyParams } from "@/lib/codebook/schemas";
import type { TExportFormat } from "@/lib/exports/formats";
import { exportStudyData } from "@/lib/exports/service";
import { route } from "@/lib/http/handler";
import { parseQuery } from "@/lib/interviews/input";

const ZExportQuery = z.object({
  lang: z.enum(["ru", "en"]).optional(),
  wave: z.union([z.literal("all"), z.coerce.number().int().min(1).max(10_000)]).optional(),
});

/**
 * The GET handler of one export format: `?lang=ru|en` picks the labels of the .sav file (default: the
 * coordinator's language); `?wave=N|all` the wave exported (default: the latest).
 */
export function exportRoute(format: TExportFormat) {
  return route({ roles: ["COORDINATOR"], params: ZStudyParams }, async ({ actor, params, req }) => {
    const query = parseQuery(ZExportQuery, req.nextUrl.searchParams);
    const file = await exportStudyData(actor, params.studyId, format, query.lang ?? actor.language, query.wave);
    return new NextResponse(file.body, {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": `attachment; filename="${file.filename}"`,
        // no-transform: the server does not gzip exports (XLSX is zipped already; CSV compression
        // would cost the download's CPU time; a reverse proxy may still compress).
        "Cache-Control": "no-store, no-transform",
        "X-Content-Type-Options": "nosniff",
      },
    });
  });
}
