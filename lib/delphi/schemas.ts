import { z } from "zod";
import { ZRoundRules } from "@/lib/delphi/rules";
import { ZCode } from "@/lib/instrument/definition";

/** The contract of the Delphi routes, shared by the route wrapper and the pages that call them. */

export const ZRoundStudyParams = z.object({ studyId: z.uuid() });
export const ZRoundParams = z.object({ studyId: z.uuid(), waveId: z.uuid() });

/** A new round N+1, planned until opened: who it asks, which items, until when, live or not, and its rules. */
export const ZPlanRound = z
  .object({
    instrumentId: z.uuid(),
    audience: z.enum(["PANEL", "PREVIOUS_COMPLETED"]),
    itemCodes: z.array(ZCode).min(1, "chooseItems").max(500),
    closesAt: z.iso.datetime({ offset: true }).nullable().default(null),
    realtime: z.boolean().default(false),
    rules: ZRoundRules,
  })
  .strict();
export type TPlanRound = z.output<typeof ZPlanRound>;
export type TPlanRoundInput = z.input<typeof ZPlanRound>;

export const ZRoundAction = z.object({ action: z.enum(["open", "close"]) }).strict();

/** The report's downloads: the report itself or the round-comparison table. */
export const ZReportQuery = z.object({ format: z.enum(["csv", "xlsx"]).default("csv"), table: z.enum(["report", "comparison"]).default("report") });
