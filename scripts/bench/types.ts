import type { THarness } from "./harness";

/** Options shared by every benchmark (parsed by run.ts). */
export type TFlags = {
  experts: number;
  seconds: number;
  rate: number;
  warmup: number;
  baselineSeconds: number;
  baselineClients: number;
  connections: number;
  maxInFlight: number;
  /** Completed responses the aggregates benchmark seeds. */
  responses: number;
  /** App servers on the one database, the load spread over them round-robin. */
  instances: number;
  only: string[];
  pgStats: boolean;
  profile: boolean;
  /** Where to write the results (default scripts/bench/RESULTS.md). */
  results: string;
};

/** One line of a benchmark's verdict: a figure compared with the target. */
export type TCheck = { label: string; target: string; actual: string; pass: boolean };

/** What a benchmark hands back to run.ts, which prints it and writes it into RESULTS.md. */
export type TReport = {
  name: string;
  title: string;
  /** The knobs this run used, e.g. ["experts", "1000"]. */
  parameters: Array<[string, string]>;
  /** The measured figures, in display order. */
  figures: Array<[string, string]>;
  checks: TCheck[];
  /** Extra markdown blocks (breakdowns, diagnostics) for RESULTS.md; also printed. */
  details: Array<{ title: string; text: string }>;
};

export type TBenchContext = {
  harness: THarness;
  flags: TFlags;
  log: (line: string) => void;
};

/**
 * A benchmark module. run.ts prepares one database and one production server for all of them and
 * runs the selected ones in order; each creates its own data (its own study) in that database.
 */
export type TBenchmark = {
  name: string;
  title: string;
  run(ctx: TBenchContext): Promise<TReport>;
};
