import { NextResponse } from "next/server";
import { getTranslations } from "next-intl/server";
import { route } from "@/lib/route/handler";
import { aggregatesCsv } from "@/lib/aggregates/csv";
import { aggregateRoutes } from "@/lib/aggregates/contract";
import { aggregateRequest } from "@/lib/aggregates/request";
import { auditAggregateExport, getCrossTab, getPairHeatmaps, getPercentDecimals, getSummary } from "@/lib/aggregates/service";

/**
 * The dashboard's tables as CSV, with the same filters (and optionally its cross-tab), the same
 * suppression and the same formatting (percentages at the study's decimals); recorded in the audit log.
 */
export const GET = route(aggregateRoutes.exportCsv, async ({ actor, params, query, req }) => {
  const { filters, lang } = aggregateRequest(query, req, actor);
  const t = await getTranslations({ locale: lang, namespace: "results" });
  const groupLabel = (g: string) => t(`group_${g}` as "group_SCIENTIST");
  const [summary, heatmaps, crossTab, decimals] = await Promise.all([
    getSummary(actor, params.studyId, filters, lang),
    getPairHeatmaps(actor, params.studyId, filters, lang),
    query.crossItem ? getCrossTab(actor, params.studyId, filters, { item: query.crossItem, by: query.by, groupLabel }, lang) : Promise.resolve(null),
    getPercentDecimals(actor, params.studyId),
  ]);
  await auditAggregateExport(actor, params.studyId, filters, { lang, ...(query.crossItem ? { crossItem: query.crossItem, by: query.by } : {}) });
  const body = aggregatesCsv({ summary, heatmaps, crossTab }, (key, values) => t(key as "count", values as never), decimals);
  return new NextResponse(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="aggregates-${new Date().toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
