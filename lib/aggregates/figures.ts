/**
 * Figures and the boxes they add up (protect.ts, shape.ts): a view shows, per box of cells of
 * version × country × group × status, counts of what answers contribute ("features").
 */

/** A cell of the cube: a version, country, group and status ("S" submitted, "P" in progress). */
export type TMicro = { key: string; version: string; country: string; group: string; status: "S" | "P"; pop: number };

/** What a view adds up: the filters, a cross-tab column, or one side of a pair. `country` may be "own:A+B" / "other:A+B". */
export type TBox = { country?: string; group?: string; version?: string; submittedOnly: boolean };

export function boxKey(b: TBox): string {
  return `${b.country ?? "*"}/${b.group ?? "*"}/${b.version ?? "*"}/${b.submittedOnly ? "S" : "*"}`;
}

export function inBox(b: TBox, m: TMicro): boolean {
  if (b.submittedOnly && m.status !== "S") return false;
  if (b.group && m.group !== b.group) return false;
  if (b.version && m.version !== b.version) return false;
  if (b.country) {
    const pair = /^(own|other):(.+)\+(.+)$/.exec(b.country);
    if (pair) return (pair[1] === "own") === (m.country === pair[2] || m.country === pair[3]);
    if (m.country !== b.country) return false;
  }
  return true;
}

/** A figure's key: its box and what it counts ("o:CODE", "base", "N", "t", "v:7", "na", "n", "b:3", "r:ROW:n", "r:ROW:na", "k:CODE", "f:CODE"). */
export const figureKey = (box: string, feature: string) => `${box}#${feature}`;

/** The pair boxes of a heatmap row, as country filters. */
export const pairSide = (side: "own" | "other", a: string, b: string) => `${side}:${a}+${b}`;

/** Which of ten equal bins over [lo, hi] a value falls in. */
export const binOf = (v: number, lo: number, hi: number) => Math.min(10, Math.max(1, 1 + Math.floor((10 * (v - lo)) / (hi - lo))));

/** The range histogram() bins over: the declared bounds, or the values' range rounded outward; null without values. */
export function histogramRange(counts: ReadonlyArray<[number, number]>, declared: { min?: number; max?: number } = {}): { lo: number; hi: number } | null {
  const present = counts.filter(([, c]) => c > 0);
  if (present.length === 0) return null;
  let min = Infinity;
  let max = -Infinity;
  for (const [v] of present) {
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  const step = 10 ** Math.floor(Math.log10(Math.max(max - min, Math.abs(min), Math.abs(max), 1)));
  const lo = declared.min ?? Math.floor(min / step) * step;
  let hi = declared.max ?? Math.ceil(max / step) * step;
  if (hi <= lo) hi = lo + step;
  return { lo, hi };
}

