import { createHash } from "node:crypto";
import type { TItem } from "@/lib/instrument/definition";
import { pairRows, type TAggRow, type TCrossBy } from "@/lib/aggregates/query";
import { binOf, boxKey, figureKey, histogramRange, inBox, pairSide, type TBox, type TMicro } from "@/lib/aggregates/figures";

/**
 * Secondary suppression across every view of an item: the figures a coordinator can see are sums,
 * over cells of version × country × group × status, of counts of answers (an option chosen, a value,
 * "cannot assess", an answer given at all, …). The summary with any filters, each column of a
 * cross-tab and the own/other split of the pair heatmap are such sums over different sets of cells
 * (a "box"); the respondents per cell are known to coordinators anyway (panel, monitor). So hiding a
 * small count in one table is not enough: other boxes, or bases and totals of the same box, can
 * give it back by adding and subtracting.
 *
 * The rule here: a count below k ("< k") is protected when some other set of answers, one that
 * every figure still shown agrees with, gives it another value. Such a set is made by exchanging
 * the answers of two respondents (in cells that differ in one of country, group or status, the
 * same version, first; then any other cell): every figure of a box holding one of them but not the
 * other that the exchange changes is hidden ("–", secondary), unless it is "< k" and stays within
 * 0 … k − 1 (a "< k" it would push to k or more is hidden too: "–" says nothing of a figure's size,
 * "< k" that it is below k, and the labels must not give the count back either). For each small
 * count the exchange that hides the fewest figures is taken (a figure of
 * a box without a country or group filter counting three times one with it, since those are what a
 * report is read for), unless one taken before changes it
 * already. Where no exchange works (no respondent outside the box answered otherwise), one answer
 * is changed on its own (to any answer the item allows); where even that fails, every figure of the
 * item is withheld. Counts of 0 need no protection, nor does the number of respondents who
 * answered an item (or the answers of a multiple choice) unless a condition decides who sees it.
 *
 * Each item is protected on its own, and its hidden figures apply to it alone (`hiddenOf`).
 * Everything is decided once per item over all boxes, from the data alone (never from the view
 * asked for), in a fixed order, so every view, export and filter shows the same figure the same way.
 * Means, SDs, medians and percentages go with the counts they are built on.
 */

export type { TBox, TMicro };

/** The cube, read (service.ts) from the "c:" rows of cubeSql (query.ts). */
export type TCube = {
  micro: TMicro[];
  /** Per item code, per cell index: profile → answers. */
  profiles: Map<string, Array<Map<string, number>>>;
  /** Per matrix item code, per cell index: row code → { n, s, x }. */
  rows: Map<string, Array<Map<string, { n: number; s: number; x: number }>>>;
};

export function readCube(rows: readonly TAggRow[]): TCube {
  const index = new Map<string, number>();
  const micro: TMicro[] = [];
  const at = (g: string) => {
    let i = index.get(g);
    if (i === undefined) {
      const [version = "", country = "", group = "", status = "S"] = g.split("|");
      i = micro.push({ key: g, version, country, group, status: status === "P" ? "P" : "S", pop: 0 }) - 1;
      index.set(g, i);
    }
    return i;
  };
  // Cells in key order, so the outcome never depends on the order rows arrive in.
  for (const g of [...new Set(rows.filter((r) => r.q.startsWith("c:") && r.g).map((r) => r.g!))].sort()) at(g);
  const profiles: TCube["profiles"] = new Map();
  const matrix: TCube["rows"] = new Map();
  const list = <T>(m: Map<string, Array<Map<string, T>>>, item: string) => {
    let l = m.get(item);
    if (!l) m.set(item, (l = micro.map(() => new Map<string, T>())));
    return l;
  };
  for (const r of rows) {
    if (!r.q.startsWith("c:") || !r.g) continue;
    const i = at(r.g);
    const n = Number(r.n ?? 0);
    if (r.q === "c:pop") micro[i]!.pop += n;
    else if ((r.q === "c:prof" || r.q === "c:val") && r.item && r.k !== null && n > 0) {
      const m = list(profiles, r.item)[i]!;
      m.set(r.k, (m.get(r.k) ?? 0) + n);
    } else if (r.q === "c:row" && r.item && r.k !== null) {
      const m = list(matrix, r.item)[i]!;
      const was = m.get(r.k) ?? { n: 0, s: 0, x: 0 };
      m.set(r.k, { n: was.n + n, s: was.s + Number(r.mean ?? 0), x: was.x + Number(r.x ?? 0) });
    }
  }
  return { micro, profiles, rows: matrix };
}

// ── What each answer counts towards.

export type TFeatures = Map<string, number>;

/** The figures an answer with this profile counts towards, and by how much (1, or the number of choices for "N"). */
export function profileFeatures(item: Pick<TItem, "type">, profile: string, bin?: (value: number) => number): TFeatures {
  const f: TFeatures = new Map();
  if (profile === NONE) return f;
  switch (item.type) {
    case "single": {
      const text = profile.endsWith("+t");
      f.set(`o:${text ? profile.slice(0, -2) : profile}`, 1).set("base", 1);
      if (text) f.set("t", 1);
      break;
    }
    case "multi": {
      const text = profile.endsWith("+t");
      const choices = (text ? profile.slice(0, -2) : profile).split(",").filter(Boolean);
      for (const c of choices) f.set(`o:${c}`, 1);
      f.set("base", 1).set("N", choices.length);
      if (text) f.set("t", 1);
      break;
    }
    case "scale":
      f.set("base", 1);
      if (profile === "NA") f.set("na", 1);
      else f.set(`v:${Number(profile)}`, 1).set("n", 1);
      break;
    case "number":
      f.set("n", 1);
      if (bin) f.set(`b:${bin(Number(profile))}`, 1);
      break;
    case "matrix":
      f.set("base", 1);
      for (const part of profile.split(",")) {
        const at = part.lastIndexOf("=");
        if (at > 0) f.set(`r:${part.slice(0, at)}:${part.slice(at + 1) === "N" ? "na" : "n"}`, 1);
      }
      break;
    case "ranking": {
      const [first = "", ranked = ""] = profile.split("|");
      f.set("base", 1).set(`f:${first}`, 1);
      for (const o of ranked.split(",").filter(Boolean)) f.set(`k:${o}`, 1);
      break;
    }
    case "text":
      f.set("n", 1);
      break;
  }
  return f;
}

/** The profile of respondents in a cell who did not answer the item. */
export const NONE = "\u0000none";

// ── The protection.

export type TProtection = {
  k: number;
  /**
   * Figures hidden to protect others ("–"): per item code, the figureKeys of that item's figures.
   * Keys name a box and a feature ("base", "v:3", …), which many items share: read them through
   * `hiddenOf`, never across items (one item's protection says nothing of another's figures).
   */
  hidden: Map<string, ReadonlySet<string>>;
  /** Items none of whose figures is shown. */
  withheld: Set<string>;
  /**
   * Items whose means, SDs and medians are withheld in every view, their counts shown as protected:
   * in some box the number who gave a value is fixed by the panel (a required item, no "cannot
   * assess", every respondent submitted) and below k, so no change of answers can make it ambiguous,
   * and a mean over those few could be had from the others' by differencing. The counts need no such
   * care: that number is known from the panel anyway, and each small count is protected on its own.
   */
  meansWithheld: Set<string>;
  /** Bin ranges of number items, the same in every view. */
  ranges: Map<string, { lo: number; hi: number }>;
};

type TItemModel = {
  micro: TMicro[];
  /** Per cell: [profile, answers] (NONE for respondents without an answer), in profile order. */
  profiles: Array<Array<[string, number]>>;
  features: (profile: string) => TFeatures;
  boxes: Array<{ key: string; box: TBox; only?: string; cells: Set<number> }>;
  /** Per cell: the indices of the boxes holding it. */
  boxesOf: number[][];
};

/** Every box a view can show for an item: filters (country, group, version, status) and the sides of each pair. */
/** The boxes of the filters alone, once per cube (the same for every item). */
const filterBoxes = new WeakMap<TMicro[], TItemModel["boxes"]>();

function boxesFor(item: TItem, micro: TMicro[]): TItemModel["boxes"] {
  const shared = filterBoxes.get(micro);
  if (shared && item.type !== "matrix") return shared;
  const present = (f: (m: TMicro) => string) => [...new Set(micro.filter((m) => m.pop > 0).map(f))].sort();
  const versions = present((m) => m.version);
  const countries: Array<string | undefined> = [undefined, ...present((m) => m.country)];
  const groups: Array<string | undefined> = [undefined, ...present((m) => m.group)];
  // With one version, its filter is the same box as "all versions".
  const vs: Array<string | undefined> = versions.length > 1 ? [undefined, ...versions] : [undefined];
  const out: TItemModel["boxes"] = [];
  const add = (box: TBox, only?: string) => out.push({ key: boxKey(box), box, only, cells: new Set(micro.flatMap((m, i) => (inBox(box, m) ? [i] : []))) });
  if (shared) out.push(...shared);
  else {
    for (const country of countries) for (const group of groups) for (const version of vs) for (const submittedOnly of [true, false]) add({ country, group, version, submittedOnly });
    filterBoxes.set(micro, [...out]);
  }
  if (item.type === "matrix") {
    for (const [row, [a, b]] of pairRows(item)) {
      for (const side of ["own", "other"] as const) {
        for (const group of groups) for (const version of vs) for (const submittedOnly of [true, false]) add({ country: pairSide(side, a, b), group, version, submittedOnly }, `r:${row}:n`);
      }
    }
  }
  return out;
}

function modelOf(item: TItem, cube: TCube, ranges: TProtection["ranges"]): TItemModel {
  const counts = cube.profiles.get(item.code) ?? cube.micro.map(() => new Map<string, number>());
  const range = ranges.get(item.code);
  const bin = range ? (v: number) => binOf(v, range.lo, range.hi) : undefined;
  const memo = new Map<string, TFeatures>();
  const features = (p: string) => {
    let f = memo.get(p);
    if (!f) memo.set(p, (f = profileFeatures(item, p, bin)));
    return f;
  };
  const profiles = cube.micro.map((m, i) => {
    const list = [...(counts[i] ?? new Map<string, number>())].filter(([, n]) => n > 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const answered = list.reduce((s, [, n]) => s + n, 0);
    if (m.pop > answered) list.push([NONE, m.pop - answered]);
    return list;
  });
  const boxes = boxesFor(item, cube.micro);
  const boxesOf = cube.micro.map((_, i) => boxes.flatMap((b, j) => (b.cells.has(i) ? [j] : [])));
  return { micro: cube.micro, profiles, features, boxes, boxesOf };
}

/** A change of answers: `from` in cell `a` becomes `to`, and (for an exchange) `to` in cell `b` becomes `from`. */
type TMove = { a: number; b: number | null; from: string; to: string };

/** Bounds on the search per small count: moves tried per stage, partners' answers per cell. */
const MAX_MOVES = 2_000;
/** How much more a figure hidden in a box without a country (or group) filter costs than one with it. */
const WEIGHT_COARSE = 3;
const MAX_PARTNERS = 12;

/**
 * The protection of every item of `items` (combined over all published versions) from the cube.
 * Deterministic: the same cube and k give the same result.
 */
export function protect(items: readonly TItem[], cube: TCube, k: number, conditional: ReadonlySet<string> = new Set()): TProtection {
  const out: TProtection = { k, hidden: new Map(), withheld: new Set(), meansWithheld: new Set(), ranges: new Map() };
  for (const item of items) {
    if (item.type === "number") {
      const all: Array<[number, number]> = [];
      for (const m of cube.profiles.get(item.code) ?? []) for (const [v, n] of m) all.push([Number(v), n]);
      const range = histogramRange(all, item);
      if (range) out.ranges.set(item.code, range);
    }
    if (k <= 1) continue;
    const model = modelOf(item, cube, out.ranges);
    // Per item, kept by what it depends on (the item, its answers per cell, the cells, k): an
    // autosave changes one item's counts, and only that item is protected again.
    const key = createHash("sha1")
      .update(JSON.stringify([item, conditional.has(item.code), k, out.ranges.get(item.code) ?? null, cube.micro.map((m) => [m.key, m.pop]), model.profiles]))
      .digest("base64");
    let done = itemCache.get(key);
    if (done) itemCache.delete(key);
    else done = protectItem(item, model, k, conditional.has(item.code));
    itemCache.set(key, done);
    while (itemCache.size > ITEM_CACHE) itemCache.delete(itemCache.keys().next().value!);
    if (done.hidden.size > 0) out.hidden.set(item.code, done.hidden);
    if (done.withheld) out.withheld.add(item.code);
    else if (done.meansWithheld) out.meansWithheld.add(item.code);
  }
  return out;
}

const ITEM_CACHE = 2_000;
type TItemProtection = { hidden: ReadonlySet<string>; withheld: boolean; meansWithheld: boolean };
const itemCache = new Map<string, TItemProtection>();

const NOTHING_HIDDEN: ReadonlySet<string> = new Set();

/** The figures of one item hidden to protect others, by figureKey. */
export const hiddenOf = (protection: TProtection | undefined, item: string): ReadonlySet<string> => protection?.hidden.get(item) ?? NOTHING_HIDDEN;

/**
 * Whether a small count must be protected: every count of what was answered; the number who
 * answered at all ("base", and the answers of a multiple choice, "N") only where a condition
 * decides who sees the item (then it tells what they answered elsewhere). Otherwise those give away
 * no answer: they take part in the sums, they need no protection of their own.
 */
export const sensitive = (feature: string, conditional: boolean) => conditional || (feature !== "base" && feature !== "N");

/** The number who gave a value (a scale's or number's "n", a matrix row's "r:<row>:n"): what means are built on. */
const isValueCount = (feature: string) => feature === "n" || /^r:.+:n$/.test(feature);

/** Answers an answer could be changed to, besides those seen: every option, value or row status the item allows. */
function variants(item: TItem, from: string): string[] {
  switch (item.type) {
    case "single":
      return item.options.flatMap((o) => (o.other ? [o.code, `${o.code}+t`] : [o.code]));
    case "scale": {
      const out = item.cannotAssess ? ["NA"] : [];
      for (let v = item.min; v <= item.max; v++) out.push(String(v));
      return out;
    }
    case "text":
      return ["t"];
    case "multi": {
      const text = from.endsWith("+t") ? "+t" : "";
      const chosen = new Set((text ? from.slice(0, -2) : from).split(",").filter((c) => c && from !== NONE));
      const exclusive = new Set(item.options.filter((o) => o.exclusive).map((o) => o.code));
      const out: string[] = [];
      for (const o of item.options) {
        const next = new Set(chosen);
        if (next.has(o.code)) next.delete(o.code);
        else if (exclusive.has(o.code)) {
          next.clear();
          next.add(o.code);
        } else {
          for (const e of exclusive) next.delete(e);
          next.add(o.code);
        }
        if (next.size) out.push([...next].sort().join(",") + (text && next.has(item.options.find((x) => x.other)?.code ?? "\u0000") ? text : ""));
      }
      return out;
    }
    case "matrix": {
      const rows = new Map(from === NONE ? [] : from.split(",").map((part) => [part.slice(0, part.lastIndexOf("=")), part.slice(part.lastIndexOf("=") + 1)] as const));
      const out: string[] = [];
      for (const r of item.rows) {
        for (const status of ["R", "N", ""]) {
          if (status === "N" && !item.cannotAssess) continue;
          const next = new Map(rows);
          if (status) next.set(r.code, status);
          else next.delete(r.code);
          if (next.size) out.push([...next].sort(([a], [b]) => (a < b ? -1 : 1)).map(([c, v]) => `${c}=${v}`).join(","));
        }
      }
      return out;
    }
    default:
      return [];
  }
}

function protectItem(item: TItem, model: TItemModel, k: number, conditional: boolean): TItemProtection {
  const { micro, profiles, features, boxes, boxesOf } = model;
  // A required item shown to everyone has an answer in every submitted response.
  const noneAllowed = (cell: number) => !item.required || conditional || micro[cell]!.status === "P";
  const allowed = (profile: string, cell: number) => profile !== NONE || noneAllowed(cell);

  // Features as numbers, each profile as a sparse vector of them.
  const names: string[] = [];
  const index = new Map<string, number>();
  const vectors = new Map<string, Array<[number, number]>>();
  const vector = (p: string) => {
    let v = vectors.get(p);
    if (!v) {
      v = [...features(p)].map(([f, w]): [number, number] => {
        let i = index.get(f);
        if (i === undefined) index.set(f, (i = names.push(f) - 1));
        return [i, w];
      });
      vectors.set(p, v);
    }
    return v;
  };
  for (const list of profiles) for (const [p] of list) vector(p);
  const seen = names.length;
  const only = boxes.map((b) => (b.only === undefined ? -1 : (index.get(b.only) ?? -2)));

  // The figures: per box and feature seen, the sum over the box's cells. A feature no answer has is 0 everywhere.
  const totals = micro.map((_, i) => {
    const t = new Float64Array(seen);
    for (const [p, n] of profiles[i]!) for (const [f, w] of vector(p)) t[f] = t[f]! + n * w;
    return t;
  });
  const values = new Float64Array(boxes.length * seen);
  boxes.forEach((b, j) => {
    for (const i of b.cells) {
      const t = totals[i]!;
      for (let f = 0; f < seen; f++) values[j * seen + f] = values[j * seen + f]! + t[f]!;
    }
  });
  const value = (b: number, f: number) => (f < seen ? values[b * seen + f]! : 0);
  const shown = (b: number, f: number) => only[b] === -1 || only[b] === f;
  const key = (b: number, f: number) => b * 65_536 + f;
  const hidden = new Set<number>();
  /** Figures some move taken changes: protected. */
  const covered = new Set<number>();
  const boxSets = boxesOf.map((l) => new Set(l));
  /**
   * What hiding a figure of a box costs: the coarser the box, the more (the whole panel's figures are
   * what a report is read for, a country × group cell's the least). Only which figures go depends on
   * it, never whether the small count is protected.
   */
  const weight = boxes.map(({ box }) => (box.country === undefined ? WEIGHT_COARSE : 1) * (box.group === undefined ? WEIGHT_COARSE : 1));

  /** What a move changes (figure → change) and what it costs; null when it changes nothing or a count would go below 0. */
  const effect = (move: TMove, target: number): { changes: Map<number, number>; cost: number } | null => {
    const d = new Map<number, number>();
    for (const [f, w] of vector(move.from)) d.set(f, (d.get(f) ?? 0) - w);
    for (const [f, w] of vector(move.to)) d.set(f, (d.get(f) ?? 0) + w);
    const delta = [...d].filter(([, w]) => w !== 0);
    if (delta.length === 0) return null;
    const inA = boxSets[move.a]!;
    const inB = move.b === null ? new Set<number>() : boxSets[move.b]!;
    const changes = new Map<number, number>();
    let cost = 0;
    const apply = (b: number, sign: number) => {
      for (const [f, w] of delta) {
        if (!shown(b, f)) continue;
        const was = value(b, f);
        const now = was + sign * w;
        if (now < 0) return false;
        const kk = key(b, f);
        changes.set(kk, sign * w);
        if (hidden.has(kk)) continue;
        // A figure shown must be hidden; one shown as "< k" too, where the change leaves 0 … k − 1.
        if (was >= k) cost += weight[b]!;
        else if (now > k - 1) cost += weight[b]! / 2;
      }
      return true;
    };
    for (const b of boxesOf[move.a]!) if (!inB.has(b) && !apply(b, 1)) return null;
    if (move.b !== null) for (const b of boxesOf[move.b]!) if (!inA.has(b) && !apply(b, -1)) return null;
    return changes.has(target) ? { changes, cost } : null;
  };

  const universe = [...new Set(profiles.flatMap((l) => l.map(([p]) => p)))].sort();
  const byCount = (list: Array<[string, number]>) => [...list].sort(([pa, a], [pb, b]) => b - a || (pa < pb ? -1 : 1)).map(([p]) => p);
  const partners = profiles.map(byCount);
  /**
   * The moves that could change a figure, in stages (an exchange with a cell that differs in one
   * of country, group and status, first lowering the figure, then raising it; the same with any
   * other cell of the version; one answer changed alone), each stage bounded.
   */
  function* stages(box: number, feature: number): Generator<TMove[]> {
    const inBox = boxes[box]!.cells;
    const cells = [...inBox].sort((x, y) => x - y);
    const has = (p: string) => vector(p).find(([f]) => f === feature)?.[1] ?? 0;
    for (const near of [true, false]) {
      for (const lower of [true, false]) {
        const moves: TMove[] = [];
        for (const a of cells) {
          const ma = micro[a]!;
          for (const [from] of profiles[a]!) {
            if ((has(from) > 0) !== lower) continue;
            for (let b = 0; b < micro.length && moves.length < MAX_MOVES; b++) {
              const mb = micro[b]!;
              if (inBox.has(b) || ma.version !== mb.version) continue;
              const differs = Number(ma.country !== mb.country) + Number(ma.group !== mb.group) + Number(ma.status !== mb.status);
              if ((differs === 1) !== near) continue;
              let taken = 0;
              for (const to of partners[b]!) {
                if (has(to) === has(from) || !allowed(to, a) || !allowed(from, b)) continue;
                moves.push({ a, b, from, to });
                if (++taken >= MAX_PARTNERS) break;
              }
            }
          }
        }
        yield moves;
      }
    }
    const alone: TMove[] = [];
    for (const a of cells) {
      for (const [from] of profiles[a]!) {
        const tos = [...new Set([...variants(item, from), ...universe, NONE])].sort();
        for (const to of tos) if (alone.length < MAX_MOVES && has(to) !== has(from) && allowed(to, a)) alone.push({ a, b: null, from, to });
      }
    }
    yield alone;
  }

  // Small counts, in a fixed order: finer boxes first (their protection often covers the coarser).
  let meansWithheld = false;
  const todo: Array<{ b: number; f: number; name: string }> = [];
  boxes.forEach((box, b) => {
    for (let f = 0; f < seen; f++) {
      const v = value(b, f);
      if (v >= 1 && v < k && shown(b, f) && sensitive(names[f]!, conditional)) todo.push({ b, f, name: figureKey(box.key, names[f]!) });
    }
  });
  todo.sort((x, y) => boxes[x.b]!.cells.size - boxes[y.b]!.cells.size || (x.name < y.name ? -1 : 1));
  for (const { b, f } of todo) {
    const target = key(b, f);
    if (covered.has(target)) continue;
    let best: { changes: Map<number, number>; cost: number } | null = null;
    for (const stage of stages(b, f)) {
      for (const move of stage) {
        const e = effect(move, target);
        if (!e) continue;
        if (!best || e.cost < best.cost) best = e;
        if (best.cost === 0) break;
      }
      if (best) break;
    }
    if (!best && isValueCount(names[f]!)) {
      // Nothing changes how many gave a value here: it is the box's respondents (see meansWithheld).
      meansWithheld = true;
      continue;
    }
    if (!best) return { hidden: NOTHING_HIDDEN, withheld: true, meansWithheld: false };
    for (const [kk, change] of best.changes) {
      covered.add(kk);
      const was = value(Math.floor(kk / 65_536), kk % 65_536);
      if (was >= k || was + change > k - 1) hidden.add(kk);
    }
  }
  return { hidden: new Set([...hidden].map((kk) => figureKey(boxes[Math.floor(kk / 65_536)]!.key, names[kk % 65_536]!))), withheld: false, meansWithheld };
}

// ── Views computed from the cube, so they agree with the protection exactly.

/** The grouped rows of a cross-tab (as crossTabSql returns them), from the cube. */
export function crossTabRows(item: TItem, by: TCrossBy, cube: TCube, filter: TBox, ranges: TProtection["ranges"]): TAggRow[] {
  const model = modelOf(item, cube, ranges);
  const sums = new Map<string, number>();
  const add = (key: string, n: number) => sums.set(key, (sums.get(key) ?? 0) + n);
  cube.micro.forEach((m, i) => {
    if (!inBox(filter, m)) return;
    const col = by === "country" ? m.country : m.group;
    for (const [p, n] of model.profiles[i]!) {
      if (p === NONE) continue;
      add(`base|${col}|`, n);
      for (const [f, w] of model.features(p)) {
        if (f.startsWith("o:")) add(`cell|${col}|${f.slice(2)}`, n * w);
        else if (f.startsWith("v:")) add(`cell|${col}|${f.slice(2)}`, n * w);
        else if (f === "na") add(`cell|${col}|NA`, n * w);
      }
    }
  });
  return [...sums].map(([key, n]) => {
    const [q = "", g = "", k = ""] = key.split("|");
    return { q, item: item.code, k: k || null, g, n, mean: null, sd: null, med: null, x: 0 };
  });
}

/** The grouped rows of a pair heatmap (as heatmapSql returns them), from the cube. */
export function heatmapRows(item: Extract<TItem, { type: "matrix" }>, cube: TCube, filter: TBox): TAggRow[] {
  const rows = cube.rows.get(item.code) ?? [];
  const out: TAggRow[] = [];
  for (const [row, [a, b]] of pairRows(item)) {
    for (const side of ["own", "other"] as const) {
      let n = 0;
      let s = 0;
      let x = 0;
      cube.micro.forEach((m, i) => {
        if (!inBox(filter, m) || (side === "own") !== (m.country === a || m.country === b)) return;
        const r = rows[i]?.get(row);
        if (!r) return;
        n += r.n;
        s += r.s;
        x += r.x;
      });
      if (n > 0 || x > 0) out.push({ q: "pair", item: item.code, k: row, g: side, n, mean: n > 0 ? s / n : null, sd: null, med: null, x });
    }
  }
  return out;
}

/** A figure of the cube: the sum of `feature` over the box (e.g. the texts of a box, for the list of texts). */
export function cubeFigure(item: TItem, cube: TCube, box: TBox, feature: string, ranges: TProtection["ranges"]): number {
  const model = modelOf(item, cube, ranges);
  let v = 0;
  cube.micro.forEach((m, i) => {
    if (!inBox(box, m)) return;
    for (const [p, n] of model.profiles[i]!) v += n * (model.features(p).get(feature) ?? 0);
  });
  return v;
}
