import "server-only";
import { NextResponse } from "next/server";
import { exportRoutes } from "@/lib/exports/contract";
import type { TExportFormat } from "@/lib/exports/formats";
import { exportStudyData } from "@/lib/exports/service";
import { route } from "@/lib/route/handler";

const CONTRACTS = {
  "wide.csv": exportRoutes.wide,
  "long.csv": exportRoutes.long,
  "data.xlsx": exportRoutes.xlsx,
  "data.sav": exportRoutes.sav,
  "codebook.json": exportRoutes.codebook,
} as const satisfies Record<TExportFormat, unknown>;

/**
 * The GET handler of one export format: `?lang=ru|en` picks the labels of the .sav file (default: the
 * coordinator's language); `?wave=N|all` the wave exported (default: the latest).
 */
export function exportRoute(format: TExportFormat) {
  return route(CONTRACTS[format], async ({ actor, params, query }) => {
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
