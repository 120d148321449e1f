import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import type { TActor } from "@/lib/auth/sessions";
import { AppError } from "@/lib/errors";
import { aggregatesCsv } from "@/lib/aggregates/csv";
import { formatCell, columnHeader } from "@/lib/aggregates/format";
import { getCrossTab, getPairHeatmap, getPairHeatmaps, getPercentDecimals, getSummary, listTexts, resultsMeta, setPercentDecimals, setSuppressionK } from "@/lib/aggregates/service";
import type { TCell, TFilters, TSummary, TTable } from "@/lib/aggregates/types";
import { ZQuestionnaire, type TQuestionnaireInput } from "@/lib/instrument/definition";
import { openDraft, publishVersion, saveDraft } from "@/lib/instrument/service";
import en from "@/lib/i18n/messages/en.json";
import { addExpert } from "@/lib/panel/experts";
import { recordConsent, saveAnswer, submitResponse } from "@/lib/responses/service";
import { bilingual, coordinatedQuestionnaire, oneSectionInput, option, testPrismaClosedAfterAll } from "@/lib/testing/questionnaire-study";
import { actorFor, makeStaff, unique } from "@/lib/testing/factories";

/**
 * Correctness of the aggregates against figures computed by hand from known answers, which are
 * saved and submitted through the services experts use (consent, autosave, submission).
 */

const prisma = testPrismaClosedAfterAll();
const t = bilingual;
const opt = option;

function questionnaire(roleText = "Role"): TQuestionnaireInput {
  return oneSectionInput([
    { code: "ROLE", type: "single", text: t(roleText), required: true, options: [opt("GOV"), opt("ACAD"), opt("ROLE_OTHER", { other: true })] },
    { code: "GOV_BODY", type: "text", text: t("Which body"), showIf: [{ item: "ROLE", op: "equals", value: "GOV" }] },
    { code: "TOPICS", type: "multi", text: t("Topics"), options: [opt("T_A"), opt("T_B"), opt("T_C"), opt("T_NONE", { exclusive: true })] },
    { code: "RISK", type: "scale", text: t("Risk"), min: 1, max: 10, cannotAssess: true },
    { code: "FOLLOW", type: "scale", text: t("Follow-up"), min: 1, max: 10, showIf: [{ item: "RISK", op: "gte", value: 5 }] },
    { code: "SHARE", type: "number", text: t("Share"), min: 0, max: 100 },
    { code: "PAIRS", type: "matrix", text: t("Pairs"), min: 1, max: 10, cannotAssess: true, pairsOf: ["RU", "BY", "KZ"], rows: [{ code: "PAIRS_RU_BY", label: t("RU-BY") }, { code: "PAIRS_RU_KZ", label: t("RU-KZ") }, { code: "PAIRS_BY_KZ", label: t("BY-KZ") }] },
    { code: "RANK", type: "ranking", text: t("Rank"), topK: 2, options: [opt("R1"), opt("R2"), opt("R3")] },
  ]);
}

type TAnswerSet = Array<[string, unknown]>;

/** One expert: consent, their answers saved one by one (later saves of an item overwrite earlier ones), optionally submitted. */
async function respond(studyId: string, versionId: string, who: { country: string; group: "SCIENTIST" | "OFFICIAL" | "BUSINESS" | "NONPROFIT" }, answers: TAnswerSet, submit: boolean) {
  const expert = await prisma.$transaction((tx) =>
    addExpert(tx, { studyId, name: "Expert", email: `agg-${unique()}@it.test`, country: who.country, expertGroup: who.group, language: "en" }),
  );
  const actor = await actorFor(prisma, expert.userId);
  await recordConsent(actor, { decision: "ACCEPTED", textVersion: 1, language: "en" });
  const revisions = new Map<string, number>();
  for (const [item, value] of answers) {
    const base = revisions.get(item) ?? 0;
    const result = await saveAnswer(actor, { versionId, item, value, baseRevision: base, mutationId: randomUUID() });
    expect(result.status).toBe("saved");
    revisions.set(item, base + 1);
  }
  if (submit) await submitResponse(actor);
}

let coordinator: TActor;
let studyId: string;
let v1: string;
let v2: string;

const ALL: TFilters = { includeInProgress: false };
const K1 = async () => setSuppressionK(coordinator, studyId, 1);

beforeAll(async () => {
  const created = await coordinatedQuestionnaire(prisma, ZQuestionnaire.parse(questionnaire()));
  studyId = created.study.id;
  coordinator = created.coordinator;
  v1 = created.versionId;

  // Version 1: three submitted responses.
  await respond(studyId, v1, { country: "RU", group: "SCIENTIST" }, [
    ["ROLE", { choice: "GOV" }], ["GOV_BODY", { text: "Ministry" }], ["TOPICS", { choices: ["T_A", "T_B"] }], ["RISK", { value: 7 }], ["FOLLOW", { value: 4 }],
    ["SHARE", { value: 10 }], ["PAIRS", { rows: { PAIRS_RU_BY: 9, PAIRS_RU_KZ: 6, PAIRS_BY_KZ: "NA" } }], ["RANK", { order: ["R1", "R2"] }],
  ], true);
  await respond(studyId, v1, { country: "RU", group: "OFFICIAL" }, [
    ["ROLE", { choice: "ACAD" }], ["TOPICS", { choices: ["T_A"] }], ["RISK", { cannotAssess: true }],
    ["SHARE", { value: 20 }], ["PAIRS", { rows: { PAIRS_RU_BY: 8, PAIRS_RU_KZ: 5, PAIRS_BY_KZ: 4 } }], ["RANK", { order: ["R2", "R1"] }],
  ], true);
  // FOLLOW is answered while RISK is 6, then RISK becomes 3: FOLLOW is hidden and must not count.
  await respond(studyId, v1, { country: "BY", group: "SCIENTIST" }, [
    ["ROLE", { choice: "ROLE_OTHER", other: "Consultant" }], ["TOPICS", { choices: ["T_NONE"] }], ["RISK", { value: 6 }], ["FOLLOW", { value: 2 }], ["RISK", { value: 3 }],
    ["SHARE", { value: 30 }], ["PAIRS", { rows: { PAIRS_RU_BY: 10, PAIRS_RU_KZ: 7, PAIRS_BY_KZ: 6 } }], ["RANK", { order: ["R1", "R3"] }],
  ], true);

  // Version 2 changes the text of ROLE; one submitted response and one still in progress.
  const draft = await openDraft(coordinator, created.instrumentId);
  await saveDraft(coordinator, draft.versionId, ZQuestionnaire.parse(questionnaire("Your role")));
  await publishVersion(coordinator, draft.versionId);
  v2 = draft.versionId;
  await respond(studyId, v2, { country: "KZ", group: "BUSINESS" }, [
    ["ROLE", { choice: "GOV" }], ["GOV_BODY", { text: "=Akimat" }], ["TOPICS", { choices: ["T_B", "T_C"] }], ["RISK", { value: 5 }], ["FOLLOW", { value: 8 }],
    ["SHARE", { value: 60 }], ["PAIRS", { rows: { PAIRS_RU_BY: 7, PAIRS_RU_KZ: 9, PAIRS_BY_KZ: 8 } }], ["RANK", { order: ["R1", "R2"] }],
  ], true);
  await respond(studyId, v2, { country: "KZ", group: "SCIENTIST" }, [["ROLE", { choice: "ACAD" }], ["TOPICS", { choices: ["T_A", "T_C"] }], ["RISK", { value: 9 }]], false);
}, 120_000);

// ── Reading the shaped output.

const item = (s: TSummary<TCell>, code: string) => s.items.find((i) => i.code === code)!;
const table = (s: TSummary<TCell>, code: string, index = 0) => item(s, code).tables[index]!;
/** Row `row` of a table as { column key -> value }, cells below k as "<k", cells hidden to protect them as "–". */
function cells(tab: TTable<TCell>, row: string): Record<string, number | null | string> {
  const r = tab.rows.find((x) => x.code === row)!;
  return Object.fromEntries(tab.columns.map((c, i) => [c.label ? `${c.label}:${c.key}` : c.key, r.cells[i]!.hidden ? "–" : r.cells[i]!.suppressed ? "<k" : r.cells[i]!.v]));
}
const base = (tab: TTable<TCell>, key: string) => tab.bases.find((b) => b.key === key)?.cell;
const close = (a: unknown, b: number) => expect(a as number).toBeCloseTo(b, 6);
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const sd = (xs: number[]) => Math.sqrt(xs.reduce((s, x) => s + (x - mean(xs)) ** 2, 0) / (xs.length - 1));

// k = 1 shows every figure, zeros as 0.
describe("aggregates of known answers (k = 1)", () => {
  it("single choice: count and % of the respondents who answered, with n; the other text listed; versions combined with a note", async () => {
    await K1();
    const s = await getSummary(coordinator, studyId, ALL, "en");
    expect(s.respondents.v).toBe(4);
    const role = table(s, "ROLE");
    expect(base(role, "baseRespondents")?.v).toBe(4);
    expect(cells(role, "GOV")).toEqual({ count: 2, pctRespondents: 50 });
    expect(cells(role, "ACAD")).toEqual({ count: 1, pctRespondents: 25 });
    expect(cells(role, "ROLE_OTHER")).toEqual({ count: 1, pctRespondents: 25 });
    expect(item(s, "ROLE").notes).toEqual(["textChanged"]);
    expect(item(s, "ROLE").title).toBe("Your role (en)");
    expect(item(s, "ROLE").texts?.v).toBe(1);
    expect((await listTexts(coordinator, studyId, ALL, "ROLE")).texts).toEqual(["Consultant"]);
  });

  it("multiple choice: % of respondents and % of all answers side by side, with both bases; the exclusive option counts once", async () => {
    await K1();
    const topics = table(await getSummary(coordinator, studyId, ALL, "en"), "TOPICS");
    // Respondents: 4; answers: 2 + 1 + 1 + 2 = 6.
    expect(base(topics, "baseRespondents")?.v).toBe(4);
    expect(base(topics, "baseAnswers")?.v).toBe(6);
    const row = (c: string) => cells(topics, c);
    expect(row("T_A").count).toBe(2);
    close(row("T_A").pctRespondents, 50);
    close(row("T_A").pctAnswers, (2 / 6) * 100);
    close(row("T_C").pctAnswers, (1 / 6) * 100);
    expect(row("T_NONE")).toMatchObject({ count: 1, pctRespondents: 25 });
    close(row("T_NONE").pctAnswers, (1 / 6) * 100);
  });

  it("scale and number: n, mean, SD, median and distribution; cannot assess apart; a hidden item's answer is not counted", async () => {
    await K1();
    const s = await getSummary(coordinator, studyId, ALL, "en");
    const risk = cells(table(s, "RISK"), "RISK");
    expect(risk.n).toBe(3);
    close(risk.mean, mean([7, 3, 5]));
    close(risk.sd, sd([7, 3, 5]));
    expect(risk.median).toBe(5);
    expect(risk.cannotAssess).toBe(1);
    expect(cells(table(s, "RISK", 1), "7").count).toBe(1);
    expect(cells(table(s, "RISK", 1), "6").count).toBe(0);
    // FOLLOW: 4 and 8 count; the 2 of the respondent whose RISK fell to 3 is hidden.
    const follow = cells(table(s, "FOLLOW"), "FOLLOW");
    expect(follow.n).toBe(2);
    close(follow.mean, 6);
    close(follow.sd, sd([4, 8]));
    expect(follow.median).toBe(6);
    const share = cells(table(s, "SHARE"), "SHARE");
    expect(share.n).toBe(4);
    close(share.mean, 30);
    close(share.sd, sd([10, 20, 30, 60]));
    expect(share.median).toBe(25);
    // The text shown only to GOV respondents: both of theirs count.
    expect(item(s, "GOV_BODY").texts?.v).toBe(2);
  });

  it("matrix: per row n, mean and SD without the 'cannot assess', which is counted; ranking: mean rank and first places", async () => {
    await K1();
    const s = await getSummary(coordinator, studyId, ALL, "en");
    const pairs = table(s, "PAIRS");
    expect(cells(pairs, "PAIRS_RU_BY")).toMatchObject({ n: 4, mean: 8.5, cannotAssess: 0 });
    expect(cells(pairs, "PAIRS_BY_KZ")).toMatchObject({ n: 3, mean: 6, cannotAssess: 1 });
    close(cells(pairs, "PAIRS_BY_KZ").sd, sd([4, 6, 8]));
    const rank = table(s, "RANK");
    expect(base(rank, "baseRespondents")?.v).toBe(4);
    expect(cells(rank, "R1")).toMatchObject({ rankedBy: 4, meanRank: 1.25, firstPlaces: 3, firstShare: 75 });
    close(cells(rank, "R2").meanRank, 5 / 3);
    expect(cells(rank, "R3")).toMatchObject({ rankedBy: 1, meanRank: 2, firstPlaces: 0, firstShare: 0 });
  });

  it("pair heatmap: means with n per cell, split by whether the rater is from one of the pair's countries", async () => {
    await K1();
    const { heatmap } = await getPairHeatmap(coordinator, studyId, ALL, undefined, "en");
    expect(heatmap?.countries).toEqual(["RU", "BY", "KZ"]);
    const grid = (who: string) => heatmap!.tables.find((x) => x.id === `heatmap.PAIRS.${who}`)!;
    const at = (who: string, x: string, y: string) => grid(who).rows.find((r) => r.code === x)!.cells[heatmap!.countries.indexOf(y)]!;
    expect(at("all", "RU", "BY")).toMatchObject({ v: 8.5, n: 4 });
    expect(at("all", "BY", "RU")).toMatchObject({ v: 8.5, n: 4 });
    expect(at("all", "RU", "RU")).toMatchObject({ v: null });
    // RU-BY: raters from RU and BY gave 9, 8, 10; the one from KZ gave 7.
    expect(at("own", "RU", "BY")).toMatchObject({ v: 9, n: 3 });
    expect(at("other", "RU", "BY")).toMatchObject({ v: 7, n: 1 });
    // BY-KZ: own raters (BY 6, KZ 8); others: RU 4, and RU "cannot assess" is not a rating.
    expect(at("own", "BY", "KZ")).toMatchObject({ v: 7, n: 2 });
    expect(at("other", "BY", "KZ")).toMatchObject({ v: 4, n: 1 });
    const list = heatmap!.tables.find((x) => x.kind === "pairs")!;
    expect(cells(list, "PAIRS_BY_KZ").cannotAssess).toBe(1);
  });

  it("filters: in-progress responses in and out, one version, a country, a group", async () => {
    await K1();
    const all = await getSummary(coordinator, studyId, { includeInProgress: true }, "en");
    expect(all.respondents.v).toBe(5);
    expect(cells(table(all, "ROLE"), "ACAD").count).toBe(2);
    expect(base(table(all, "TOPICS"), "baseAnswers")?.v).toBe(8);
    close(cells(table(all, "RISK"), "RISK").mean, mean([7, 3, 5, 9]));

    const first = await getSummary(coordinator, studyId, { includeInProgress: true, versionId: v1 }, "en");
    expect(first.respondents.v).toBe(3);
    expect(item(first, "ROLE").notes).toEqual([]);
    expect(item(first, "ROLE").title).toBe("Role (en)");
    const second = await getSummary(coordinator, studyId, { includeInProgress: false, versionId: v2 }, "en");
    expect(second.respondents.v).toBe(1);

    const ru = await getSummary(coordinator, studyId, { includeInProgress: false, country: "RU" }, "en");
    expect(ru.respondents.v).toBe(2);
    expect(cells(table(ru, "PAIRS"), "PAIRS_RU_BY")).toMatchObject({ n: 2, mean: 8.5 });
    const scientists = await getSummary(coordinator, studyId, { includeInProgress: true, group: "SCIENTIST" }, "en");
    expect(scientists.respondents.v).toBe(3);
  });

  it("cross-tab by country: counts and column % with each column's base", async () => {
    await K1();
    const { table: tab } = await getCrossTab(coordinator, studyId, ALL, { item: "ROLE", by: "country", groupLabel: (g) => g }, "en");
    expect(tab.bases.map((b) => [b.label, b.cell.v])).toEqual([["Russia", 2], ["Belarus", 1], ["Kazakhstan", 1]]);
    expect(cells(tab, "GOV")).toEqual({ "Russia:count": 1, "Russia:pctColumn": 50, "Belarus:count": 0, "Belarus:pctColumn": 0, "Kazakhstan:count": 1, "Kazakhstan:pctColumn": 100 });
    const { table: byGroup } = await getCrossTab(coordinator, studyId, ALL, { item: "TOPICS", by: "group", groupLabel: (g) => g }, "en");
    expect(byGroup.bases.map((b) => [b.label, b.cell.v])).toEqual([["SCIENTIST", 2], ["OFFICIAL", 1], ["BUSINESS", 1]]);
    expect(cells(byGroup, "T_A")["SCIENTIST:count"]).toBe(1);
  });
});

describe("small-cell suppression", () => {
  it("k = 3: a figure on 2 respondents is '< 3' and carries no number; one on 3 is shown", async () => {
    await setSuppressionK(coordinator, studyId, 3);
    const s = await getSummary(coordinator, studyId, ALL, "en");
    expect(s.k).toBe(3);
    expect(cells(table(s, "ROLE"), "GOV")).toEqual({ count: "<k", pctRespondents: "<k" });
    expect(table(s, "ROLE").rows.find((r) => r.code === "GOV")!.cells[0]).toEqual({ v: null, f: "int", suppressed: true });
    // RISK: 3 numbers (k), but with the base of 4 shown they would give the one "cannot assess"
    // back: hidden ("–"), mean and SD with them; FOLLOW: 2 numbers (k - 1) suppressed.
    const risk = table(s, "RISK");
    expect(cells(risk, "RISK").cannotAssess).toBe("<k");
    expect(risk.bases[0]!.cell.hidden || risk.rows[0]!.cells[0]!.hidden).toBe(true);
    if (risk.rows[0]!.cells[0]!.hidden) expect(cells(risk, "RISK")).toMatchObject({ n: "–", mean: "–", sd: "–", median: "–" });
    // FOLLOW: 2 numbers (k − 1): no figure; "< 3", or "–" where "< 3" would help work out another count.
    const follow = Object.values(cells(table(s, "FOLLOW"), "FOLLOW"));
    expect(follow.every((c) => c === "<k" || c === "–") && new Set(follow).size === 1).toBe(true);
    const { heatmap } = await getPairHeatmap(coordinator, studyId, ALL, undefined, "en");
    const own = heatmap!.tables.find((x) => x.id === "heatmap.PAIRS.own")!;
    const other = heatmap!.tables.find((x) => x.id === "heatmap.PAIRS.other")!;
    const all = heatmap!.tables.find((x) => x.id === "heatmap.PAIRS.all")!;
    // Russia–Belarus: 3 own-country raters, 1 from elsewhere ("< 3"), so "all" minus "own" would
    // give the other away: "all" or "own" is hidden too ("–"), with no number.
    const ruBy = (t: TTable<TCell>) => t.rows.find((r) => r.code === "RU")!.cells[1]!;
    expect(ruBy(other)).toEqual({ v: null, f: "dec", suppressed: true });
    expect(ruBy(own).hidden || ruBy(all).hidden).toBe(true);
    for (const t of [own, all]) expect(ruBy(t).v === null || !ruBy(t).suppressed).toBe(true);
    expect(own.rows.find((r) => r.code === "BY")!.cells[2]).toMatchObject({ v: null, f: "dec", suppressed: true });
    expect((await listTexts(coordinator, studyId, ALL, "GOV_BODY")).texts).toBeNull();
  });

  it("k = 2 at the boundary of a filter: 2 respondents from Russia shown, 1 from Belarus suppressed", async () => {
    await setSuppressionK(coordinator, studyId, 2);
    const ru = await getSummary(coordinator, studyId, { includeInProgress: false, country: "RU" }, "en");
    expect(ru.respondents).toEqual({ v: 2, f: "int" });
    // Russia's 2 ratings of RU–BY are shown, or hidden to protect a count of 1 ("–"), never "< 2".
    expect(["–", 2]).toContain(cells(table(ru, "PAIRS"), "PAIRS_RU_BY").n);
    const by = await getSummary(coordinator, studyId, { includeInProgress: false, country: "BY" }, "en");
    expect(by.respondents).toEqual({ v: null, f: "int", suppressed: true });
    expect(cells(table(by, "PAIRS"), "PAIRS_RU_BY")).toMatchObject({ n: "<k", mean: "<k" });
    const audit = await prisma.auditEvent.findFirst({ where: { action: "study.suppression", entityId: studyId }, orderBy: { id: "desc" } });
    expect(audit?.after).toEqual({ suppressionK: 2 });
  });
});

describe("the aggregate CSV", () => {
  const tr = (key: string, values?: Record<string, string | number>) => {
    const text = (en.results as Record<string, string>)[key] ?? key;
    return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values?.[name] ?? ""));
  };

  it("has every table exactly as the service gives it, suppression included, formula-safe", async () => {
    await setSuppressionK(coordinator, studyId, 3);
    const summary = await getSummary(coordinator, studyId, ALL, "en");
    const heatmaps = await getPairHeatmaps(coordinator, studyId, ALL, "en");
    const crossTab = await getCrossTab(coordinator, studyId, ALL, { item: "ROLE", by: "country", groupLabel: (g) => g }, "en");
    const csv = aggregatesCsv({ summary, heatmaps, crossTab }, tr);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const lines = parse(csv.slice(1), { relaxColumnCount: true, skipEmptyLines: true }) as string[][];
    const tables = [...summary.items.flatMap((i) => i.tables), ...heatmaps.flatMap((h) => h.tables), crossTab.table];
    let from = 0;
    for (const tab of tables) {
      // The heading row of this table, after the previous one, then its rows in order.
      const heading = [tr(tab.labelKey), ...tab.columns.map((c) => columnHeader(c, tr))];
      const at = lines.findIndex((l, i) => i >= from && JSON.stringify(l) === JSON.stringify(heading));
      expect(at, `heading of ${tab.id}`).toBeGreaterThan(-1);
      tab.rows.forEach((r, i) => expect(lines[at + 1 + i]).toEqual([r.label, ...r.cells.map((c) => formatCell(c, 3))]));
      from = at + 1;
    }
    expect(lines.find((l) => l[0] === "GOV (en)")?.[1]).toBe("< 3");
    expect(lines.find((l) => l[0] === "RISK" && l.length === 6)?.[5]).toBe("< 3");
    expect(csv).toContain("–");
    // The figures a suppressed cell hides appear nowhere (GOV: 2 respondents, 50 %).
    expect(csv).not.toContain("50.00");
    // A respondent's text never reaches the aggregate export; labels are guarded against formulas.
    expect(csv).not.toContain("Akimat");
    expect(lines.every((l) => l.every((c) => !/^[=+\-@]/.test(c)))).toBe(true);
  });
});

describe("decimals of percentages, a study setting", () => {
  const tr = (key: string, values?: Record<string, string | number>) => {
    const text = (en.results as Record<string, string>)[key] ?? key;
    return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values?.[name] ?? ""));
  };
  const rejection = (call: Promise<unknown>) => call.then(() => null, (e: unknown) => (e instanceof AppError ? e : null));

  it("is one by default, set by the study's coordinator (audited), and read by the report and the CSV", async () => {
    await K1();
    expect((await resultsMeta(coordinator, studyId, "en")).decimals).toBe(1);
    expect(await setPercentDecimals(coordinator, studyId, { decimals: 0 })).toEqual({ decimals: 0 });
    expect((await resultsMeta(coordinator, studyId, "en")).decimals).toBe(0);
    expect(await getPercentDecimals(coordinator, studyId)).toBe(0);
    const audit = await prisma.auditEvent.findFirst({ where: { action: "study.decimals", entityId: studyId }, orderBy: { id: "desc" } });
    expect({ actor: audit?.actorId, before: audit?.before, after: audit?.after }).toEqual({ actor: coordinator.userId, before: { percentDecimals: 1 }, after: { percentDecimals: 0 } });

    // ROLE among the submitted: GOV 2 of 4 respondents (50 %), ACAD 1 of 4 (25 %).
    const summary = await getSummary(coordinator, studyId, ALL, "en");
    const rows = (decimals: number) => parse(aggregatesCsv({ summary, heatmaps: [], crossTab: null }, tr, decimals).slice(1), { relaxColumnCount: true, skipEmptyLines: true }) as string[][];
    const role = table(summary, "ROLE");
    const pct = role.columns.findIndex((c) => c.key === "pctRespondents");
    const gov = role.rows.find((r) => r.code === "GOV")!.cells[pct]!;
    const line = (decimals: number) => rows(decimals).find((l) => l[0] === "GOV (en)")!;
    expect(line(0)[1 + pct]).toBe(gov.v!.toFixed(0));
    expect(line(2)[1 + pct]).toBe(gov.v!.toFixed(2));
    // Means keep two decimals whatever the setting.
    const risk = table(summary, "RISK");
    const mean = risk.columns.findIndex((c) => c.key === "mean");
    const riskLine = rows(0).find((l) => l[0] === risk.rows[0]!.label && l.length === risk.columns.length + 1)!;
    expect(riskLine[1 + mean]).toBe(risk.rows[0]!.cells[mean]!.v!.toFixed(2));
    await setPercentDecimals(coordinator, studyId, { decimals: 1 });
  });

  it("refuses a value outside 0–2 and another team's coordinator, changing nothing", async () => {
    await setPercentDecimals(coordinator, studyId, { decimals: 1 });
    for (const [name, value] of [["3", 3], ["-1", -1], ["1.5", 1.5], ["text", "2"]] as const) {
      const error = await rejection(setPercentDecimals(coordinator, studyId, { decimals: value as number }));
      expect({ name, status: error?.status }).toEqual({ name, status: 400 });
    }
    const outsider = await actorFor(prisma, (await makeStaff(prisma, "COORDINATOR")).id);
    expect((await rejection(setPercentDecimals(outsider, studyId, { decimals: 2 })))?.status).toBe(404);
    expect((await rejection(getPercentDecimals(outsider, studyId)))?.status).toBe(404);
    expect((await prisma.study.findUniqueOrThrow({ where: { id: studyId } })).percentDecimals).toBe(1);
  });
});
