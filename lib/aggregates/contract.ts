import { z } from "zod";
import { ZCrossTabQuery, ZExportQuery, ZFilters, ZHeatmapQuery, ZPercentDecimals, ZSuppression, ZTextsQuery } from "@/lib/aggregates/types";
import { defineRoute } from "@/lib/http/contract";
import { ZStudyParams } from "@/lib/study/schemas";

/** A figure as shown (lib/aggregates/types.ts TCell): a number with its n, or suppressed, or hidden. */
export const ZCell = z.object({
  v: z.number().nullable(),
  f: z.enum(["int", "pct", "dec"]),
  n: z.number().optional(),
  suppressed: z.literal(true).optional(),
  hidden: z.literal(true).optional(),
});
export const ZTable = z.object({
  id: z.string(),
  kind: z.string(),
  bases: z.array(z.object({ key: z.string(), label: z.string().optional(), cell: ZCell })),
  labelKey: z.string(),
  columns: z.array(z.object({ key: z.string(), label: z.string().optional() })),
  rows: z.array(z.object({ code: z.string(), label: z.string(), cells: z.array(ZCell) })),
  chart: z.number().optional(),
});
export const ZItemSummary = z.object({
  code: z.string(),
  type: z.string(),
  title: z.string(),
  notes: z.array(z.string()),
  tables: z.array(ZTable),
  texts: ZCell.optional(),
});
export const ZSummary = z.object({ k: z.number(), respondents: ZCell, items: z.array(ZItemSummary) });
export const ZHeatmap = z.object({ item: z.string(), title: z.string(), countries: z.array(z.string()), tables: z.array(ZTable) }).nullable();
export const ZCrossTab = z.object({ k: z.number(), item: z.string(), title: z.string(), table: ZTable });

export const aggregateRoutes = {
  summary: defineRoute({
    method: "GET",
    path: "/api/coordinator/studies/[studyId]/aggregates",
    summary: "The dashboard's summary of every item, filtered as the query says, suppression applied.",
    roles: ["COORDINATOR"],
    params: ZStudyParams,
    query: ZFilters,
    response: ZSummary,
  }),
  crossTab: defineRoute({
    method: "GET",
    path: "/api/coordinator/studies/[studyId]/aggregates/crosstab",
    summary: "A cross-tab of one choice or scale item by country or expert group: counts and column %.",
    roles: ["COORDINATOR"],
    params: ZStudyParams,
    query: ZCrossTabQuery,
    response: ZCrossTab,
  }),
  heatmap: defineRoute({
    method: "GET",
    path: "/api/coordinator/studies/[studyId]/aggregates/heatmap",
    summary: "The country-pair heatmap (mean rating and n per pair, all raters / own countries / elsewhere).",
    roles: ["COORDINATOR"],
    params: ZStudyParams,
    query: ZHeatmapQuery,
    response: z.object({ k: z.number(), heatmap: ZHeatmap }),
  }),
  texts: defineRoute({
    method: "GET",
    path: "/api/coordinator/studies/[studyId]/aggregates/texts",
    summary: "The texts of a text item, or the \"other\" texts of a choice item (null when suppressed).",
    roles: ["COORDINATOR"],
    params: ZStudyParams,
    query: ZTextsQuery,
    response: z.object({ k: z.number(), texts: z.array(z.string()).nullable() }),
  }),
  suppression: defineRoute({
    method: "PUT",
    path: "/api/coordinator/studies/[studyId]/suppression",
    summary: "Sets the study's small-cell suppression threshold k.",
    roles: ["COORDINATOR"],
    params: ZStudyParams,
    body: ZSuppression,
    response: z.object({ k: z.number() }),
  }),
  exportCsv: defineRoute({
    method: "GET",
    path: "/api/coordinator/studies/[studyId]/exports/aggregates.csv",
    summary: "The dashboard's tables as CSV, with the same filters (and optionally its cross-tab) and suppression.",
    roles: ["COORDINATOR"],
    params: ZStudyParams,
    query: ZExportQuery,
    response: { kind: "file", contentType: "text/csv" },
  }),
  decimals: defineRoute({
    method: "PUT",
    path: "/api/coordinator/studies/[studyId]/decimals",
    summary: "Sets how many decimals the study's percentages show in its results (0–2; audited).",
    roles: ["COORDINATOR"],
    params: ZStudyParams,
    body: ZPercentDecimals,
    response: z.object({ decimals: z.number() }),
  }),
};
