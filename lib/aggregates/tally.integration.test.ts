import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { TActor } from "@/lib/auth/sessions";
import { summarySql, type TAggRow, type TScope } from "@/lib/aggregates/query";
import { getSummary, setSuppressionK } from "@/lib/aggregates/service";
import { combineVersions, shapeSummary } from "@/lib/aggregates/shape";
import { suppressSummary } from "@/lib/aggregates/suppress";
import type { TFilters } from "@/lib/aggregates/types";
import { ZQuestionnaire, type TQuestionnaireInput } from "@/lib/instrument/definition";
import { openDraft, publishVersion, saveDraft } from "@/lib/instrument/service";
import { addExpert } from "@/lib/panel/experts";
import { publishedQuestionnaire } from "@/lib/instrument/published";
import { getQuestionnaireState, recordConsent, reopenResponse, saveAnswer, submitResponse } from "@/lib/responses/service";
import { openWave } from "@/lib/instrument/wave-admin";
import { bilingual, coordinatedQuestionnaire, oneSectionInput, option, testPrismaClosedAfterAll } from "@/lib/testing/questionnaire-study";
import { actorFor, unique } from "@/lib/testing/factories";

/**
 * The summary is read from running totals (tally.ts) that are synced before each read. Whatever
 * happens to the responses (submitted, reopened and changed, submitted again, moved to another
 * country or group, deleted, a new version published), the summary must equal the same figures
 * computed from the answers themselves (summarySql), for every filter.
 */

const prisma = testPrismaClosedAfterAll();
const t = bilingual;
const opt = option;

function questionnaire(extra = false): TQuestionnaireInput {
  return oneSectionInput([
    { code: "ROLE", type: "single", text: t("Role"), required: true, options: [opt("GOV"), opt("ACAD"), { ...opt("OTHER"), other: true }] },
    { code: "TOPICS", type: "multi", text: t("Topics"), options: [opt("T_A"), opt("T_B"), opt("T_C")] },
    { code: "RISK", type: "scale", text: t("Risk"), min: 1, max: 10, cannotAssess: true },
    { code: "FOLLOW", type: "scale", text: t("Follow-up"), min: 1, max: 10, showIf: [{ item: "RISK", op: "gte", value: 5 }] },
    { code: "SHARE", type: "number", text: t("Share"), min: 0, max: 100 },
    { code: "PAIRS", type: "matrix", text: t("Pairs"), min: 1, max: 10, cannotAssess: true, pairsOf: ["RU", "BY"], rows: [{ code: "PAIRS_RU_BY", label: t("RU-BY") }] },
    { code: "RANK", type: "ranking", text: t("Rank"), topK: 2, options: [opt("R1"), opt("R2"), opt("R3")] },
    { code: "NOTE", type: "text", text: t("Note") },
    ...(extra ? [{ code: "LATER", type: "scale" as const, text: t("Asked later"), min: 1, max: 5 }] : []),
  ]);
}

let coordinator: TActor;
let studyId: string;
let instrumentId: string;
let v1: string;
/** Response id by label, and the expert behind it. */
const responses = new Map<string, { responseId: string; expertId: string; actor: TActor; revisions: Map<string, number> }>();

async function save(label: string, answers: Array<[string, unknown]>, versionId = v1) {
  const r = responses.get(label)!;
  for (const [item, value] of answers) {
    const base = r.revisions.get(item) ?? 0;
    const result = await saveAnswer(r.actor, { versionId, item, value, baseRevision: base, mutationId: randomUUID() });
    expect(result.status).toBe("saved");
    r.revisions.set(item, base + 1);
  }
}

async function respond(label: string, who: { country: string; group: "SCIENTIST" | "OFFICIAL" | "BUSINESS" }, answers: Array<[string, unknown]>, submit: boolean) {
  const expert = await prisma.$transaction((tx) => addExpert(tx, { studyId, name: "Expert", email: `tally-${unique()}@it.test`, country: who.country, expertGroup: who.group, language: "en" }));
  const actor = await actorFor(prisma, expert.userId);
  await recordConsent(actor, { decision: "ACCEPTED", textVersion: 1, language: "en" });
  responses.set(label, { responseId: "", expertId: expert.expertId, actor, revisions: new Map() });
  await save(label, answers);
  const { id } = await prisma.response.findFirstOrThrow({ where: { expertId: expert.expertId }, select: { id: true } });
  responses.get(label)!.responseId = id;
  if (submit) await submitResponse(actor);
}

/** The summary computed from the answers alone, shaped and suppressed as the service does. */
async function recomputed(filters: TFilters) {
  const { suppressionK: k } = await prisma.study.findUniqueOrThrow({ where: { id: studyId }, select: { suppressionK: true } });
  const published = await prisma.instrumentVersion.findMany({ where: { instrumentId, status: "PUBLISHED" }, orderBy: { number: "desc" }, select: { id: true, content: true } });
  const versions = published.map((v) => ({ id: v.id, q: publishedQuestionnaire(v.id, v.content) })).filter((v) => !filters.versionId || v.id === filters.versionId);
  const latest = await prisma.wave.findFirstOrThrow({ where: { instrumentId, status: { not: "PLANNED" } }, orderBy: { number: "desc" }, select: { number: true } });
  const scope: TScope = { instrumentId, versions, wave: filters.wave ?? latest.number };
  const items = combineVersions(versions);
  const sql = summarySql(scope, filters, items.map((c) => c.item));
  const rows = await prisma.$queryRawUnsafe<TAggRow[]>(sql.text, ...sql.values);
  return suppressSummary(shapeSummary(items, rows, "en", k), k);
}

const FILTERS: TFilters[] = [
  { includeInProgress: false },
  { includeInProgress: true },
  { includeInProgress: false, country: "RU" },
  { includeInProgress: true, group: "SCIENTIST" },
];

async function expectSummariesMatch(extra: TFilters[] = []) {
  for (const filters of [...FILTERS, ...extra]) {
    const summary = await getSummary(coordinator, studyId, filters, "en");
    expect(summary, JSON.stringify(filters)).toEqual(await recomputed(filters));
  }
}

const respondents = async (filters: TFilters) => (await getSummary(coordinator, studyId, filters, "en")).respondents.v;

beforeAll(async () => {
  const created = await coordinatedQuestionnaire(prisma, ZQuestionnaire.parse(questionnaire()));
  studyId = created.study.id;
  coordinator = created.coordinator;
  instrumentId = created.instrumentId;
  v1 = created.versionId;
  await setSuppressionK(coordinator, studyId, 1);

  await respond("a", { country: "RU", group: "SCIENTIST" }, [
    ["ROLE", { choice: "GOV" }], ["TOPICS", { choices: ["T_A", "T_B"] }], ["RISK", { value: 7 }], ["FOLLOW", { value: 4 }], ["SHARE", { value: 13 }],
    ["PAIRS", { rows: { PAIRS_RU_BY: 9 } }], ["RANK", { order: ["R1", "R2"] }], ["NOTE", { text: "first" }],
  ], true);
  await respond("b", { country: "RU", group: "OFFICIAL" }, [
    ["ROLE", { choice: "OTHER", other: "Consultant" }], ["TOPICS", { choices: ["T_C"] }], ["RISK", { cannotAssess: true }], ["SHARE", { value: 40 }],
    ["PAIRS", { rows: { PAIRS_RU_BY: "NA" } }], ["RANK", { order: ["R2", "R3"] }],
  ], true);
  await respond("c", { country: "BY", group: "SCIENTIST" }, [
    ["ROLE", { choice: "ACAD" }], ["TOPICS", { choices: ["T_A"] }], ["RISK", { value: 5 }], ["FOLLOW", { value: 9 }], ["SHARE", { value: 99 }],
    ["PAIRS", { rows: { PAIRS_RU_BY: 3 } }], ["RANK", { order: ["R3", "R1"] }], ["NOTE", { text: "third" }],
  ], true);
  await respond("d", { country: "KZ", group: "BUSINESS" }, [["ROLE", { choice: "GOV" }], ["RISK", { value: 2 }], ["SHARE", { value: 0 }]], false);
}, 120_000);

describe("the summary's running totals", () => {
  it("equal the figures computed from the answers, for every filter", async () => {
    expect(await respondents({ includeInProgress: false })).toBe(3);
    expect(await respondents({ includeInProgress: true })).toBe(4);
    await expectSummariesMatch([{ includeInProgress: false, versionId: v1 }]);
    // Read again with nothing changed: the totals are not counted twice.
    await prisma.response.update({ where: { id: responses.get("a")!.responseId }, data: { updatedAt: new Date() } });
    await expectSummariesMatch();
  });

  it("a reopened response leaves the totals with the answers it was counted with, and comes back once with its new ones", async () => {
    const a = responses.get("a")!;
    await reopenResponse(coordinator, a.responseId);
    // While reopened, the expert changes answers; RISK falls below 5, so FOLLOW is hidden.
    await save("a", [["RISK", { value: 3 }], ["ROLE", { choice: "ACAD" }], ["SHARE", { value: 77 }], ["TOPICS", { choices: ["T_C"] }]]);
    expect(await respondents({ includeInProgress: false })).toBe(2);
    await expectSummariesMatch();
    await submitResponse(a.actor);
    expect(await respondents({ includeInProgress: false })).toBe(3);
    await expectSummariesMatch();
  });

  it("an expert moved to another country or group moves their figures", async () => {
    await prisma.expert.update({ where: { id: responses.get("c")!.expertId }, data: { country: "RU", expertGroup: "OFFICIAL" } });
    expect(await respondents({ includeInProgress: false, country: "RU" })).toBe(3);
    await expectSummariesMatch([{ includeInProgress: false, country: "BY" }, { includeInProgress: false, group: "OFFICIAL" }]);
  });

  it("a deleted expert's response leaves the totals", async () => {
    await prisma.expert.delete({ where: { id: responses.get("b")!.expertId } });
    expect(await respondents({ includeInProgress: false })).toBe(2);
    await expectSummariesMatch();
    const left = await prisma.talliedResponse.count({ where: { instrumentId } });
    expect(left).toBe(2);
  });

  it("a newly published version is counted from scratch, and a response to it joins the totals", async () => {
    const draft = await openDraft(coordinator, instrumentId);
    await saveDraft(coordinator, draft.versionId, ZQuestionnaire.parse(questionnaire(true)));
    await publishVersion(coordinator, draft.versionId);
    await expectSummariesMatch([{ includeInProgress: false, versionId: v1 }, { includeInProgress: false, versionId: draft.versionId }]);
    // The in-progress response of version 1 is finished and submitted.
    await submitResponse(responses.get("d")!.actor);
    expect(await respondents({ includeInProgress: false })).toBe(3);
    await expectSummariesMatch();
  });

  it("syncs from two callers at once count every response once", async () => {
    // Forget the totals, then let several summaries (different filters, so no shared result) count at once.
    await prisma.tallyState.update({ where: { instrumentId }, data: { definition: "stale" } });
    await Promise.all(FILTERS.map((f) => getSummary(coordinator, studyId, f, "en")));
    expect(await prisma.talliedResponse.count({ where: { instrumentId } })).toBe(3);
    await expectSummariesMatch();
  });

  it("a response deleted on its own leaves the totals", async () => {
    await prisma.response.delete({ where: { id: responses.get("c")!.responseId } });
    expect(await respondents({ includeInProgress: false })).toBe(2);
    await expectSummariesMatch();
  });

  it("a second wave is counted apart: its summary never mixes with wave 1's, and wave 2 is the default once open", async () => {
    const wave1 = { includeInProgress: false, wave: 1 };
    const before = await getSummary(coordinator, studyId, wave1, "en");
    await openWave(coordinator, { instrumentId });
    // Nobody has answered wave 2 yet: the default view (the latest wave) is empty, wave 1 unchanged.
    expect(await respondents({ includeInProgress: false })).toBe(0);
    expect(await getSummary(coordinator, studyId, wave1, "en")).toEqual(before);

    const a = responses.get("a")!;
    a.revisions.clear();
    const { versionId } = (await getQuestionnaireState(a.actor)).questionnaire!;
    await save("a", [["ROLE", { choice: "OTHER", other: "Second wave" }], ["RISK", { value: 10 }], ["SHARE", { value: 1 }]], versionId);
    await submitResponse(a.actor);
    expect(await respondents({ includeInProgress: false })).toBe(1);
    expect(await respondents({ includeInProgress: false, wave: 2 })).toBe(1);
    expect(await getSummary(coordinator, studyId, wave1, "en")).toEqual(before);
    await expectSummariesMatch([wave1, { includeInProgress: true, wave: 1 }, { includeInProgress: false, wave: 2, country: "RU" }]);
    expect(await prisma.talliedResponse.groupBy({ by: ["wave"], where: { instrumentId }, _count: true, orderBy: { wave: "asc" } })).toEqual([
      { wave: 1, _count: 2 },
      { wave: 2, _count: 1 },
    ]);
  });
});
