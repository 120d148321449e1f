import { z } from "zod";

export const EXPERT_GROUPS = ["SCIENTIST", "OFFICIAL", "BUSINESS", "NONPROFIT"] as const;

/** `?wave=N`: the wave whose funnel is shown (default: the latest). */
export const ZMonitorQuery = z.object({ wave: z.coerce.number().int().min(1).max(10_000).optional() });

/** One cell's target: how many completed experts of this country and group the study aims for; 0 removes it. */
export const ZCellTarget = z.object({
  country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, "must be a two-letter country code"),
  expertGroup: z.enum(EXPERT_GROUPS),
  target: z.number().int().min(0).max(100_000),
});

export const ZSetTargets = z
  .object({ targets: z.array(ZCellTarget).min(1).max(500) })
  .refine((v) => new Set(v.targets.map((t) => `${t.country}:${t.expertGroup}`)).size === v.targets.length, {
    message: "each cell may appear once",
    path: ["targets"],
  });
export type TSetTargets = z.output<typeof ZSetTargets>;
