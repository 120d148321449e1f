import { randomUUID } from "node:crypto";
import loadHighs from "highs";
import { describe, expect, it } from "vitest";
import type { TActor } from "@/lib/auth/sessions";
import { getCrossTab, getPairHeatmap, getSummary, listTexts, setSuppressionK } from "@/lib/aggregates/service";
import type { TCell, TFilters, TTable } from "@/lib/aggregates/types";
import { ZQuestionnaire, type TQuestionnaireInput } from "@/lib/instrument/definition";
import { addExpert } from "@/lib/panel/experts";
import { recordConsent, saveAnswer, submitResponse } from "@/lib/responses/service";
import { bilingual, coordinatedQuestionnaire, oneSectionInput, option, testPrismaClosedAfterAll } from "@/lib/testing/questionnaire-study";
import { actorFor, unique } from "@/lib/testing/factories";

/**
 * Small-cell suppression tested as an attacker would: on small random panels (10–15 experts over
 * the five countries and four groups, some still in progress) every figure a coordinator can see
 * for an item is collected (the summary overall and under every filter of country, group and
 * status, cross-tabs by country and by group under the same filters, the pair heatmap), and for
 * each count shown as "< k" with a true value from 1 to k − 1 an integer program (HiGHS) looks for
 * answers that agree with everything seen but give that count another value. The attacker knows the
 * respondents of each country × group × status cell (the panel and the monitor show them), every
 * figure shown, that "< k" means 0 to k − 1, and which answers are possible;
 * it does not use means (only counts). No such count may be determined.
 */

const prisma = testPrismaClosedAfterAll();
const t = bilingual;
const opt = option;
const COUNTRIES = ["RU", "BY", "KZ", "AM", "KG"] as const;
const GROUPS = ["SCIENTIST", "OFFICIAL", "BUSINESS", "NONPROFIT"] as const;
const PAIR_ROWS = [
  ["PAIRS_RU_BY", "RU", "BY"],
  ["PAIRS_RU_KZ", "RU", "KZ"],
  ["PAIRS_BY_KZ", "BY", "KZ"],
] as const;

const questionnaire: TQuestionnaireInput = oneSectionInput([
  { code: "ROLE", type: "single", text: t("Role"), options: [opt("GOV"), opt("ACAD"), opt("BIZ"), opt("ROLE_OTHER", { other: true })] },
  { code: "TOPICS", type: "multi", text: t("Topics"), options: [opt("T_A"), opt("T_B"), opt("T_C"), opt("T_NONE", { exclusive: true })] },
  { code: "RISK", type: "scale", text: t("Risk"), min: 1, max: 5, cannotAssess: true },
  { code: "PAIRS", type: "matrix", text: t("Pairs"), min: 1, max: 10, cannotAssess: true, pairsOf: ["RU", "BY", "KZ"], rows: PAIR_ROWS.map(([code]) => ({ code, label: t(code) })) },
  { code: "NOTE", type: "text", text: t("Note") },
  // Shown to those who chose GOV only: how many answered it tells how many chose GOV.
  { code: "FOLLOW", type: "single", text: t("Follow-up"), options: [opt("YES"), opt("NO")], showIf: [{ item: "ROLE", op: "equals", value: "GOV" }] },
]);

// ── Answers and what each counts towards (written apart from lib/aggregates, as an attacker would).

type TItemCode = "ROLE" | "TOPICS" | "RISK" | "PAIRS" | "NOTE" | "FOLLOW";
const ITEMS: TItemCode[] = ["ROLE", "TOPICS", "RISK", "PAIRS", "NOTE", "FOLLOW"];
/** Where the number who answered tells something of other answers: FOLLOW's base is a count of GOV. */
const CONDITIONAL = new Set<TItemCode>(["FOLLOW"]);

/** Every answer an item can have, as a profile, with "" for no answer. */
function profiles(item: TItemCode): string[] {
  switch (item) {
    case "ROLE":
      return ["", "GOV", "ACAD", "BIZ", "ROLE_OTHER", "ROLE_OTHER+t"];
    case "TOPICS": {
      const sets: string[] = ["", "T_NONE"];
      for (let mask = 1; mask < 8; mask++) sets.push(["T_A", "T_B", "T_C"].filter((_, i) => mask & (1 << i)).join(","));
      return sets;
    }
    case "RISK":
      return ["", "1", "2", "3", "4", "5", "NA"];
    case "PAIRS": {
      const out = [""];
      for (let code = 1; code < 27; code++) out.push([0, 1, 2].map((i) => "_RN"[Math.floor(code / 3 ** i) % 3]).join(""));
      return out;
    }
    case "NOTE":
      return ["", "t"];
    case "FOLLOW":
      return ["", "YES", "NO"];
  }
}

/** What a profile adds to each count (feature names the test's own). */
function counts(item: TItemCode, p: string): Record<string, number> {
  if (p === "") return {};
  const out: Record<string, number> = { base: 1 };
  switch (item) {
    case "ROLE":
    case "FOLLOW":
      out[`o:${p.replace("+t", "")}`] = 1;
      if (p.endsWith("+t")) out.t = 1;
      break;
    case "TOPICS":
      for (const c of p.split(",")) out[`o:${c}`] = 1;
      out.N = p.split(",").length;
      break;
    case "RISK":
      if (p === "NA") out.na = 1;
      else out[`v:${p}`] = out.n = 1;
      break;
    case "PAIRS":
      PAIR_ROWS.forEach(([row], i) => {
        if (p[i] === "R") out[`r:${row}:n`] = 1;
        if (p[i] === "N") out[`r:${row}:na`] = 1;
      });
      break;
    case "NOTE":
      out.n = 1;
      break;
  }
  return out;
}

function answerOf(item: TItemCode, p: string): unknown {
  switch (item) {
    case "ROLE":
    case "FOLLOW":
      return p.endsWith("+t") ? { choice: "ROLE_OTHER", other: "consultant" } : { choice: p };
    case "TOPICS":
      return { choices: p.split(",") };
    case "RISK":
      return p === "NA" ? { cannotAssess: true } : { value: Number(p) };
    case "PAIRS":
      return { rows: Object.fromEntries(PAIR_ROWS.flatMap(([row], i): Array<[string, number | string]> => (p[i] === "R" ? [[row, 1 + ((i * 7 + p.length) % 10)]] : p[i] === "N" ? [[row, "NA"]] : []))) };
    case "NOTE":
      return { text: "A note" };
  }
}

// ── A panel.

type TExpert = { country: string; group: string; submitted: boolean; answers: Record<TItemCode, string> };

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function makePanel(seed: number): TExpert[] {
  const r = rng(seed);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const size = 10 + Math.floor(r() * 6);
  return Array.from({ length: size }, () => ({
    country: pick(COUNTRIES),
    group: pick(GROUPS),
    submitted: r() < 0.8,
    answers: Object.fromEntries(ITEMS.map((item) => [item, r() < 0.12 ? "" : pick(profiles(item).slice(1))] as const)) as Record<TItemCode, string>,
  }))
    .map((e) => (e.submitted && e.answers.ROLE === "ROLE_OTHER" ? { ...e, answers: { ...e.answers, ROLE: "ROLE_OTHER+t" } } : e))
    .map((e) => (e.answers.ROLE === "GOV" ? e : { ...e, answers: { ...e.answers, FOLLOW: "" } }));
}

async function seedPanel(panel: TExpert[], k: number): Promise<{ studyId: string; coordinator: TActor }> {
  const { study, coordinator, versionId } = await coordinatedQuestionnaire(prisma, ZQuestionnaire.parse(questionnaire));
  for (const e of panel) {
    const expert = await prisma.$transaction((tx) =>
      addExpert(tx, { studyId: study.id, name: "Expert", email: `attack-${unique()}@it.test`, country: e.country, expertGroup: e.group as "SCIENTIST", language: "en" }),
    );
    const actor = await actorFor(prisma, expert.userId);
    await recordConsent(actor, { decision: "ACCEPTED", textVersion: 1, language: "en" });
    for (const item of ITEMS) {
      if (e.answers[item] === "") continue;
      const result = await saveAnswer(actor, { versionId, item, value: answerOf(item, e.answers[item]), baseRevision: 0, mutationId: randomUUID() });
      expect(result.status).toBe("saved");
    }
    if (e.submitted) await submitResponse(actor);
  }
  await setSuppressionK(coordinator, study.id, k);
  return { studyId: study.id, coordinator };
}

// ── What the coordinator sees, as figures: (box, feature) → "shown n" | "< k" | "–".

type TBox = { country?: string; group?: string; side?: { own: boolean; pair: readonly [string, string] }; submittedOnly: boolean };
type TSeen = { box: TBox; item: TItemCode; feature: string; cell: TCell };

const boxId = (b: TBox) => `${b.country ?? "*"}/${b.group ?? "*"}/${b.side ? `${b.side.own ? "own" : "other"}:${b.side.pair.join("+")}` : ""}/${b.submittedOnly ? "S" : "*"}`;
const inBox = (b: TBox, e: TExpert) =>
  (!b.submittedOnly || e.submitted) &&
  (!b.country || e.country === b.country) &&
  (!b.group || e.group === b.group) &&
  (!b.side || b.side.own === b.side.pair.includes(e.country));

/** The count cells of a table, with the features they show; percentages and means are checked to go with their counts. */
function readTable(item: TItemCode, table: TTable<TCell>, box: (column: number) => TBox, seen: TSeen[]) {
  const add = (feature: string, cell: TCell | undefined, column = 0) => cell && seen.push({ box: box(column), item, feature, cell });
  const follows = (figure: TCell | undefined, ...on: Array<TCell | undefined>) => {
    // A percentage or mean is shown only where the counts it is built on are.
    if (figure && !figure.suppressed && figure.v !== null) for (const c of on) expect(c?.suppressed, `${table.id}: a figure shown beside a hidden count`).toBeFalsy();
  };
  switch (table.kind) {
    case "options": {
      add("base", table.bases[0]?.cell);
      if (table.bases[1]) add("N", table.bases[1].cell);
      for (const r of table.rows) {
        add(`o:${r.code}`, r.cells[0]);
        follows(r.cells[1], r.cells[0], table.bases[0]?.cell);
        if (r.cells[2]) follows(r.cells[2], r.cells[0], table.bases[1]?.cell);
      }
      break;
    }
    case "stats": {
      add("base", table.bases[0]?.cell);
      const [n, mean, sd, median, na] = table.rows[0]!.cells;
      add("n", n);
      add("na", na);
      for (const c of [mean, sd, median]) follows(c, n);
      break;
    }
    case "distribution":
      add("n", table.bases[0]?.cell);
      for (const r of table.rows) {
        add(`v:${r.code}`, r.cells[0]);
        follows(r.cells[1], r.cells[0], table.bases[0]?.cell);
      }
      break;
    case "rows":
      add("base", table.bases[0]?.cell);
      for (const r of table.rows) {
        add(`r:${r.code}:n`, r.cells[0]);
        add(`r:${r.code}:na`, r.cells[3]);
        follows(r.cells[1], r.cells[0]);
        follows(r.cells[2], r.cells[0]);
      }
      break;
    case "texts":
      add("n", table.rows[0]?.cells[0]);
      break;
    case "crosstab":
      table.bases.forEach((b, j) => add("base", b.cell, j));
      for (const r of table.rows) {
        table.bases.forEach((b, j) => {
          add(item === "RISK" ? (r.code === "NA" ? "na" : `v:${r.code}`) : `o:${r.code}`, r.cells[2 * j], j);
          follows(r.cells[2 * j + 1], r.cells[2 * j], b.cell);
        });
      }
      break;
    case "pairs":
      for (const r of table.rows) {
        for (const [i, side] of [[1, undefined], [3, true], [5, false]] as const) {
          add(`r:${r.code}:n`, r.cells[i], side === undefined ? -1 : side ? 1 : 2);
          follows(r.cells[i - 1], r.cells[i]);
        }
        add(`r:${r.code}:na`, r.cells[6], -1);
      }
      break;
  }
}

async function collect(studyId: string, coordinator: TActor, panel: TExpert[]): Promise<TSeen[]> {
  const seen: TSeen[] = [];
  const countries = [undefined, ...new Set(panel.map((e) => e.country))];
  const groups = [undefined, ...new Set(panel.map((e) => e.group))];
  for (const submittedOnly of [true, false]) {
    for (const country of countries) {
      for (const group of groups) {
        const filters: TFilters = { country, group, includeInProgress: !submittedOnly };
        const box: TBox = { country, group, submittedOnly };
        // Every view of these filters at once (as a dashboard loads them).
        const crossItems = ["ROLE", "TOPICS", "RISK", "FOLLOW"] as const;
        const [summary, roleTexts, noteTexts, crossTabs, { heatmap }] = await Promise.all([
          getSummary(coordinator, studyId, filters, "en"),
          listTexts(coordinator, studyId, filters, "ROLE"),
          listTexts(coordinator, studyId, filters, "NOTE"),
          Promise.all(crossItems.flatMap((item) => (["country", "group"] as const).map(async (by) => ({ code: item, by, table: (await getCrossTab(coordinator, studyId, filters, { item, by, groupLabel: (g) => g }, "en")).table })))),
          getPairHeatmap(coordinator, studyId, filters, "PAIRS", "en"),
        ]);
        for (const item of summary.items) {
          for (const table of item.tables) readTable(item.code as TItemCode, table, () => box, seen);
          if (item.texts) seen.push({ box, item: item.code as TItemCode, feature: item.code === "NOTE" ? "n" : "t", cell: item.texts });
        }
        // A list of texts is as good as their count.
        if (roleTexts.texts) seen.push({ box, item: "ROLE", feature: "t", cell: { v: roleTexts.texts.length, f: "int" } });
        if (noteTexts.texts) seen.push({ box, item: "NOTE", feature: "n", cell: { v: noteTexts.texts.length, f: "int" } });
        for (const { code, by, table } of crossTabs) {
          const columns = table.bases.map((b) => (by === "country" ? COUNTRY_BY_NAME[b.label!]! : b.label!));
          readTable(code, table, (j) => (by === "country" ? { ...box, country: columns[j] } : { ...box, group: columns[j] }), seen);
        }
        const list = heatmap!.tables.find((x) => x.kind === "pairs")!;
        const pairOf = (row: string) => PAIR_ROWS.find(([code]) => code === row)!;
        for (const r of list.rows) {
          const [, a, b] = pairOf(r.code);
          const table = { ...list, rows: [r] };
          readTable("PAIRS", table, (side) => (side === -1 ? box : { ...box, side: { own: side === 1, pair: [a, b] } }), seen);
        }
        // The grids show the same figures as the list (mean and n): they must agree with it.
        for (const grid of heatmap!.tables.filter((x) => x.kind.startsWith("heatmap_"))) {
          const who = grid.kind.slice("heatmap_".length);
          for (const [row, a, b] of PAIR_ROWS) {
            const cell = grid.rows.find((x) => x.code === a)?.cells[heatmap!.countries.indexOf(b)];
            const inList = list.rows.find((x) => x.code === row)!.cells[who === "all" ? 1 : who === "own" ? 3 : 5]!;
            if (cell) expect(cell.suppressed ? (cell.hidden ? "–" : "<") : cell.n, `grid ${who} ${row}`).toEqual(inList.suppressed ? (inList.hidden ? "–" : "<") : inList.v);
          }
        }
      }
    }
  }
  return seen;
}
const COUNTRY_BY_NAME: Record<string, string> = { Russia: "RU", Belarus: "BY", Kazakhstan: "KZ", Armenia: "AM", Kyrgyzstan: "KG" };

// ── The attack.

type TFigure = { box: TBox; item: TItemCode; feature: string; label: "shown" | "small" | "hidden"; value: number; truth: number };

/** Every figure seen, once: shown figures with their value; a figure must read the same in every view. */
function figures(seen: TSeen[], panel: TExpert[], k: number): TFigure[] {
  const byKey = new Map<string, TFigure>();
  for (const s of seen) {
    const label = s.cell.suppressed ? (s.cell.hidden ? "hidden" : "small") : "shown";
    const truth = panel.filter((e) => inBox(s.box, e)).reduce((sum, e) => sum + (counts(s.item, e.answers[s.item])[s.feature] ?? 0), 0);
    const key = `${s.item}|${boxId(s.box)}|${s.feature}`;
    const value = label === "shown" ? (s.cell.f === "int" ? s.cell.v! : s.cell.n!) : -1;
    if (label === "shown") expect(value, `${key} shows its true value`).toBe(truth);
    if (label === "small") expect(truth, `${key} is "< ${k}"`).toBeLessThan(k);
    const was = byKey.get(key);
    if (was) expect(label, `${key} reads the same in every view`).toBe(was.label);
    else byKey.set(key, { box: s.box, item: s.item, feature: s.feature, label, value, truth });
  }
  return [...byKey.values()];
}

type THighs = Awaited<ReturnType<typeof loadHighs>>;

/** For each "< k" figure with a true value 1 … k − 1: is it the same in every set of answers that agrees with what was seen? */
function determined(highs: THighs, item: TItemCode, panel: TExpert[], figs: TFigure[], k: number): string[] {
  const cellOf = (e: TExpert) => `${e.country}|${e.group}|${e.submitted ? "S" : "P"}`;
  const cells = [...new Set(panel.map(cellOf))].sort();
  const pop = new Map(cells.map((c) => [c, panel.filter((e) => cellOf(e) === c).length]));
  const ps = profiles(item);
  const variable = (c: number, p: number) => `y_${c}_${p}`;
  const sample = (c: string) => panel.find((e) => cellOf(e) === c)!;
  const lin = (f: TFigure) => {
    const terms: string[] = [];
    cells.forEach((c, ci) => {
      if (!inBox(f.box, sample(c))) return;
      ps.forEach((p, pi) => {
        const w = counts(item, p)[f.feature] ?? 0;
        if (w) terms.push(`${w} ${variable(ci, pi)}`);
      });
    });
    return terms.length ? terms.join(" + ") : "0 y_0_0";
  };
  const constraints: string[] = [];
  cells.forEach((c, ci) => constraints.push(`${ps.map((_, pi) => variable(ci, pi)).join(" + ")} = ${pop.get(c)}`));
  for (const f of figs) {
    if (f.label === "shown") constraints.push(`${lin(f)} = ${f.value}`);
    if (f.label === "small") constraints.push(`${lin(f)} <= ${k - 1}`);
    // "–" says nothing of a figure's size.
  }
  const vars = cells.flatMap((_, ci) => ps.map((_, pi) => variable(ci, pi)));
  // Every solution found is another set of answers: a figure it gives another value is not determined.
  const solutions: Array<Record<string, number>> = [];
  const valueIn = (solution: Record<string, number>, objective: string) =>
    objective.split(" + ").reduce((sum, term) => {
      const [w, v] = term.split(" ");
      return sum + Number(w) * (solution[v!] ?? 0);
    }, 0);
  const solve = (sense: "Minimize" | "Maximize", objective: string) => {
    const lp = `${sense}\n obj: ${objective}\nSubject To\n${constraints.map((c, i) => ` c${i}: ${c}`).join("\n")}\nBounds\n${vars.map((v) => ` ${v} >= 0`).join("\n")}\nGenerals\n ${vars.join(" ")}\nEnd`;
    const result = highs.solve(lp, { output_flag: false });
    expect(result.Status, "the answers seen are a solution").toBe("Optimal");
    solutions.push(Object.fromEntries(Object.entries(result.Columns).map(([name, c]) => [name, Math.round((c as { Primal: number }).Primal)])));
    return Math.round(result.ObjectiveValue);
  };
  const out: string[] = [];
  const tried = new Set<string>();
  for (const f of figs) {
    if (f.label !== "small" || f.truth < 1 || f.truth > k - 1) continue;
    // How many answered an item shown to everyone tells nothing of their answers; it is not protected.
    if ((f.feature === "base" || f.feature === "N") && !CONDITIONAL.has(item)) continue;
    const objective = lin(f);
    if (tried.has(objective)) continue;
    tried.add(objective);
    if (solutions.some((s) => valueIn(s, objective) !== f.truth)) continue;
    if (solve("Minimize", objective) < f.truth) continue;
    if (solve("Maximize", objective) > f.truth) continue;
    out.push(`${item} ${boxId(f.box)} ${f.feature} = ${f.truth}`);
  }
  return out;
}

describe("small-cell suppression against an attacker who solves for hidden counts", () => {
  const panels: Array<[number, number]> = [
    [11, 3],
    [37, 2],
    [41, 4],
  ];
  it.each(panels)("panel %i (k = %i): no count from 1 to k − 1 follows from what a coordinator sees", async (seed, k) => {
    const highs = await loadHighs();
    const panel = makePanel(seed);
    const { studyId, coordinator } = await seedPanel(panel, k);
    const seen = await collect(studyId, coordinator, panel);
    const all = figures(seen, panel, k);
    const targets = all.filter((f) => f.label === "small" && f.truth >= 1);
    expect(targets.length, "the panel has small counts to protect").toBeGreaterThan(20);
    const found = ITEMS.flatMap((item) => determined(highs, item, panel, all.filter((f) => f.item === item), k));
    expect(found).toEqual([]);
    // Not everything is hidden: the overall figures of the larger options stay.
    expect(all.filter((f) => f.label === "shown").length).toBeGreaterThan(0);
  }, 300_000);
});
