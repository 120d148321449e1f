import { NextResponse } from "next/server";
import { route } from "@/lib/route/handler";
import { comparisonTable, reportTable, tableCsv, tableXlsx } from "@/lib/delphi/export";
import { auditRoundDownload, getRoundComparison, getRoundReport } from "@/lib/delphi/rounds";
import { delphiRoutes } from "@/lib/delphi/contract";

/** The round report, or the round-comparison table, as CSV or XLSX (audited). */
export const GET = route(delphiRoutes.report, async ({ actor, params, query }) => {
  const report = await getRoundReport(actor, params.studyId, params.waveId);
  const table = query.table === "report" ? reportTable(report.wave.number, report.rows, report.k) : comparisonTable(await getRoundComparison(actor, params.studyId, params.waveId));
  await auditRoundDownload(actor, params.studyId, params.waveId, query);
  const name = `round-${report.wave.number}-${query.table}.${query.format}`;
  const body = query.format === "csv" ? tableCsv(table) : await tableXlsx(table);
  return new NextResponse(typeof body === "string" ? body : new Uint8Array(body), {
    headers: {
      "Content-Type": query.format === "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "no-store, no-transform",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
