/**
 * The funnel's stages, each cumulative: everyone counted at a stage also counts at every earlier
 * one (see the SQL in lib/monitor/service.ts for how an expert reaches each stage).
 */
export const STAGES = ["nominated", "vetted", "invited", "opened", "started", "completed"] as const;
export type TStage = (typeof STAGES)[number];

export type TStageCounts = Record<TStage, number>;

export type TStageRow = {
  stage: TStage;
  count: number;
  /** Share of the nominated experts that reached this stage (null when nobody was nominated). */
  ofNominated: number | null;
  /** Share of the previous stage's experts that reached this one (null for the first stage or an empty previous stage). */
  fromPrevious: number | null;
};

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/** Counts with both rates side by side, in stage order. */
export function funnelRows(counts: TStageCounts): TStageRow[] {
  return STAGES.map((stage, i) => ({
    stage,
    count: counts[stage],
    ofNominated: share(counts[stage], counts.nominated),
    fromPrevious: i === 0 ? null : share(counts[stage], counts[STAGES[i - 1]!]),
  }));
}

/** Progress towards a cell's target: completed / target (null without a target). */
export function targetProgress(completed: number, target: number | null): number | null {
  return target && target > 0 ? completed / target : null;
}
