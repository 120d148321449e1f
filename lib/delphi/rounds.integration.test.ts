import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { TActor } from "@/lib/auth/sessions";
import { getExpertFeedback } from "@/lib/delphi/expert";
import { needsReason } from "@/lib/delphi/reason";
import { DEFAULT_ROUND_RULES } from "@/lib/delphi/rules";
import { getRoundReport, itemsWithoutConsensus, listRounds, planRound, setRoundStatus } from "@/lib/delphi/rounds";
import { sweepReminders } from "@/lib/messaging/reminders";
import { getQuestionnaireState, saveAnswer, submitResponse } from "@/lib/responses/service";
import { rejection } from "@/lib/testing/errors";
import { bilingual, consentedExpert, coordinatedQuestionnaire, oneSectionQuestionnaire, scaleItem, testPrismaClosedAfterAll } from "@/lib/testing/questionnaire-study";
import { actorFor, makeStaff, makeStudy } from "@/lib/testing/factories";

const prisma = testPrismaClosedAfterAll();
const definition = oneSectionQuestionnaire([
  scaleItem("A"),
  scaleItem("B"),
  { code: "C", type: "single", text: bilingual("C"), options: ["X", "Y"].map((code) => ({ code, label: bilingual(code) })), required: true },
]);

async function setup() {
  const { study, instrumentId, coordinator } = await coordinatedQuestionnaire(prisma, definition, { suppressionK: 2 });
  const wave1 = await prisma.wave.findUniqueOrThrow({ where: { instrumentId_number: { instrumentId, number: 1 } } });
  return { study, instrumentId, wave1, coordinator };
}

const expertOn = async (studyId: string) => (await consentedExpert(prisma, studyId)).actor;

const versionOf = async (actor: TActor) => (await getQuestionnaireState(actor)).questionnaire!.versionId;
const save = async (actor: TActor, item: string, value: unknown, baseRevision = 0, mutationId = randomUUID()) =>
  saveAnswer(actor, { mutationId, versionId: await versionOf(actor), item, baseRevision, value });

/** Round 1: A = 2, 4, 5, 6, 9 (Q1 4, median 5, Q3 6, IQR 2); B = 7, 7, 7, 8, 7 (IQR 0); C = X, X, X, X, Y (80 %). */
const ROUND1 = [
  [2, 7, "X"],
  [4, 7, "X"],
  [5, 7, "X"],
  [6, 8, "X"],
  [9, 7, "Y"],
] as const;

async function roundOne(studyId: string) {
  const experts: TActor[] = [];
  for (const [a, b, c] of ROUND1) {
    const actor = await expertOn(studyId);
    await save(actor, "A", { value: a });
    await save(actor, "B", { value: b });
    await save(actor, "C", { choice: c });
    await submitResponse(actor);
    experts.push(actor);
  }
  return experts;
}

const rules = { ...DEFAULT_ROUND_RULES, stability: { kind: "changed" as const, maxChangedShare: 40 } };

describe("Delphi rounds", () => {
  it("round 1's report judges every item; items without consensus are offered for round 2", async () => {
    const { study, wave1, coordinator } = await setup();
    await roundOne(study.id);
    const report = await getRoundReport(coordinator, study.id, wave1.id);
    expect(report.rows.map((r) => [r.code, r.n, r.consensus.reached])).toEqual([
      ["A", 5, false], // IQR 2 > 1
      ["B", 5, true], // IQR 0
      ["C", 5, true], // 80 % ≥ 70 %
    ]);
    expect(report.rows[0]!.numeric).toMatchObject({ q1: 4, median: 5, q3: 6, iqr: 2, mean: 26 / 5 });
    expect(await itemsWithoutConsensus(coordinator, study.id, wave1.id)).toEqual(["A"]);
  });

  it("a coordinator plans, opens and closes round 2, audited; the round before closes as it opens", async () => {
    const { study, instrumentId, wave1, coordinator } = await setup();
    const planned = await planRound(coordinator, study.id, { instrumentId, audience: "PREVIOUS_COMPLETED", itemCodes: ["A", "C"], closesAt: null, realtime: false, rules });
    expect(planned.number).toBe(2);
    expect((await rejection(planRound(coordinator, study.id, { instrumentId, audience: "PANEL", itemCodes: ["A"], rules }))).code).toBe("round_planned");
    await setRoundStatus(coordinator, study.id, planned.id, "open");
    const waves = await prisma.wave.findMany({ where: { instrumentId }, orderBy: { number: "asc" }, select: { number: true, status: true, kind: true, itemCodes: true, rules: true } });
    expect(waves).toEqual([
      { number: 1, status: "CLOSED", kind: "WAVE", itemCodes: [], rules: null },
      { number: 2, status: "OPEN", kind: "DELPHI_ROUND", itemCodes: ["A", "C"], rules: expect.objectContaining({ stability: { kind: "changed", maxChangedShare: 40 } }) },
    ]);
    expect((await rejection(setRoundStatus(coordinator, study.id, planned.id, "open"))).status).toBe(409);
    await setRoundStatus(coordinator, study.id, planned.id, "close");
    const actions = await prisma.auditEvent.findMany({ where: { entity: "Wave", entityId: { in: [planned.id, wave1.id] } }, orderBy: { id: "asc" }, select: { action: true, entityId: true, studyId: true } });
    expect(actions.map((a) => [a.action, a.entityId === planned.id ? 2 : 1])).toEqual([
      ["wave.plan", 2],
      ["wave.close", 1],
      ["wave.open", 2],
      ["wave.close", 2],
    ]);
    expect(actions.every((a) => a.studyId === study.id)).toBe(true);
    expect((await listRounds(coordinator, study.id)).questionnaires[0]!.waves.map((w) => w.status)).toEqual(["CLOSED", "CLOSED"]);
  });

  it("refuses items a round cannot ask and writes nothing", async () => {
    const { study, instrumentId, coordinator } = await setup();
    const refused = await rejection(planRound(coordinator, study.id, { instrumentId, audience: "PANEL", itemCodes: ["A", "NOPE"], rules }));
    expect(refused.status).toBe(400);
    expect(await prisma.wave.count({ where: { instrumentId } })).toBe(1);
  });

  it("another team's coordinator finds none of it", async () => {
    const { study, instrumentId, wave1 } = await setup();
    const other = await makeStaff(prisma, "COORDINATOR");
    await makeStudy(prisma, other);
    const stranger = await actorFor(prisma, other.id);
    expect((await rejection(planRound(stranger, study.id, { instrumentId, audience: "PANEL", itemCodes: ["A"], rules }))).status).toBe(404);
    expect((await rejection(setRoundStatus(stranger, study.id, wave1.id, "close"))).status).toBe(404);
    expect((await rejection(getRoundReport(stranger, study.id, wave1.id))).status).toBe(404);
    expect((await rejection(listRounds(stranger, study.id))).status).toBe(404);
  });

  it("an expert in round 2 sees their own and the group's answer, revises with a reason, and the report shows it", async () => {
    const { study, instrumentId, coordinator } = await setup();
    const experts = await roundOne(study.id);
    const planned = await planRound(coordinator, study.id, { instrumentId, audience: "PREVIOUS_COMPLETED", itemCodes: ["A", "C"], rules });
    await setRoundStatus(coordinator, study.id, planned.id, "open");

    const first = experts[0]!;
    const feedback = await getExpertFeedback(first);
    expect(feedback).toMatchObject({ round: 1, realtime: false });
    expect(Object.keys(feedback!.items)).toEqual(["A", "C"]);
    expect(feedback!.items.A).toMatchObject({ own: { value: 2 }, group: { kind: "numeric", rows: [{ stats: { n: 5, median: 5, q1: 4, q3: 6 } }] } });
    // k = 2: Y was chosen by one expert only, so its share is withheld.
    expect(feedback!.items.C!.group).toEqual({ kind: "choice", base: 5, options: [{ code: "X", percent: 80 }, { code: "Y", percent: null }] });

    // Round 2: A = 3 (with a reason: outside 4–6), 5, 5, 6, 8; C = X for everyone.
    const answers2 = [3, 5, 5, 6, 8];
    for (const [i, actor] of experts.entries()) {
      await save(actor, "A", { value: answers2[i] });
      await save(actor, "C", { choice: "X" });
    }
    const mutation = randomUUID();
    expect(await save(first, "A~reason", { text: "Border crossings got slower" }, 0, mutation)).toMatchObject({ status: "saved", revision: 1, replay: false });
    expect(await save(first, "A~reason", { text: "Border crossings got slower" }, 0, mutation)).toMatchObject({ status: "saved", revision: 1, replay: true });
    expect(await save(first, "A~reason", { text: "stale" }, 0)).toMatchObject({ status: "conflict", revision: 1, value: { text: "Border crossings got slower" } });
    expect((await rejection(save(first, "B~reason", { text: "not asked" }))).status).toBe(400);
    expect((await getQuestionnaireState(first)).questionnaire!.answers["A~reason"]).toEqual({ value: { text: "Border crossings got slower" }, revision: 1 });
    // 9 → 8 also lies outside 4–6: that expert gives a reason too (the server refuses the submission without one).
    await save(experts[4]!, "A~reason", { text: "Closer to the others now" });
    for (const actor of experts) await submitResponse(actor);
    expect((await rejection(save(first, "A~reason", { text: "too late" }, 1))).code).toBe("submitted");

    const report = await getRoundReport(coordinator, study.id, planned.id);
    const a = report.rows.find((r) => r.code === "A")!;
    // 3 5 5 6 8: Q1 5, median 5, Q3 6, IQR 1 → consensus at exactly the threshold
    expect(a.numeric).toMatchObject({ q1: 5, median: 5, q3: 6, iqr: 1 });
    expect(a.consensus).toEqual({ reached: true, figure: 1 });
    // changed: 2→3, 4→5, 9→8 (3 of 5 = 60 % > 40 %): not stable; toward the median 5: 2→3, 4→5, 9→8; kept: 5, 6
    expect(a.stability).toMatchObject({ stable: false, changedShare: 60 });
    expect(a.movement).toEqual({ toward: 3, away: 0, unchanged: 2, same: 0 });
    expect([...a.reasons].sort()).toEqual(["Border crossings got slower", "Closer to the others now"]);
    const c = report.rows.find((r) => r.code === "C")!;
    expect(c.consensus.reached).toBe(true);
    expect(c.stability).toMatchObject({ stable: true, changedShare: 20 });
    // One country × group cell (KZ officials) with all five.
    expect(a.cells).toEqual([{ country: "KZ", group: "OFFICIAL", n: 5, median: 5, iqr: 1, topShare: null }]);
  });

  it("refuses a submission that lacks a reason the page asks for, naming the items, and writes nothing", async () => {
    const { study, instrumentId, coordinator } = await setup();
    const experts = await roundOne(study.id);
    const planned = await planRound(coordinator, study.id, { instrumentId, audience: "PREVIOUS_COMPLETED", itemCodes: ["A", "C"], rules });
    await setRoundStatus(coordinator, study.id, planned.id, "open");
    const [kept, , , , moved] = experts as [TActor, TActor, TActor, TActor, TActor];
    // Round 1's A: Q1 4, Q3 6. The last expert moves 9 → 8 (changed, outside): a reason is asked for.
    await save(moved, "A", { value: 8 });
    await save(moved, "C", { choice: "X" });
    const shown = (await getExpertFeedback(moved))!.items.A!;
    const item = definition.sections[0]!.items[0]!;
    expect(needsReason(item, shown.group, shown.own, { value: 8 })).toBe(true);

    const refused = await rejection(submitResponse(moved));
    expect([refused.status, refused.code]).toEqual([422, "incomplete"]);
    expect(refused.details).toEqual({ problems: [{ item: "A", error: "reasonRequired" }] });
    expect(refused.message).toContain("A");
    const responseOf = (actor: TActor) => prisma.response.findFirstOrThrow({ where: { instrumentId, wave: 2, expert: { userId: actor.userId } }, select: { status: true, submittedAt: true } });
    expect(await responseOf(moved)).toEqual({ status: "IN_PROGRESS", submittedAt: null });

    // A blank reason is no reason; a missing required answer is listed beside the missing reason.
    await save(moved, "A~reason", { text: "   " });
    await save(moved, "C", null, 1);
    expect((await rejection(submitResponse(moved))).details).toEqual({ problems: [{ item: "C", error: "required" }, { item: "A", error: "reasonRequired" }] });
    await save(moved, "C", { choice: "X" }, 2);
    await save(moved, "A~reason", { text: "Closer to the others now" }, 1);
    expect(await submitResponse(moved)).toMatchObject({ status: "SUBMITTED" });

    // Kept answers (and a change inside the IQR) need no reason.
    await save(kept, "A", { value: 2 });
    await save(kept, "C", { choice: "X" });
    expect(await submitResponse(kept)).toMatchObject({ status: "SUBMITTED" });
  });

  it("a real-time round shows the group only for answered items, from this round's answers so far", async () => {
    const { study, instrumentId, coordinator } = await setup();
    const experts = await roundOne(study.id);
    const planned = await planRound(coordinator, study.id, { instrumentId, audience: "PANEL", itemCodes: ["A"], realtime: true, rules: DEFAULT_ROUND_RULES });
    await setRoundStatus(coordinator, study.id, planned.id, "open");
    expect((await getExpertFeedback(experts[0]!))!.items.A!.group).toBeNull();
    await save(experts[0]!, "A", { value: 7 });
    await save(experts[1]!, "A", { value: 9 });
    expect((await getExpertFeedback(experts[0]!))!.items.A).toMatchObject({ own: { value: 2 }, group: { rows: [{ stats: { n: 2, median: 8 } }] } });
  });

  it("reminders of round 2 go to the experts it asks, counted from its opening, and to nobody outside its audience", async () => {
    const { study, instrumentId, coordinator } = await setup();
    await roundOne(study.id);
    const notDone = await expertOn(study.id);
    await save(notDone, "A", { value: 3 });
    const now = new Date();
    const daysAgo = (d: number) => new Date(now.getTime() - d * 24 * 3600_000);
    const expertOf = async (actor: TActor) => (await prisma.expert.findFirstOrThrow({ where: { userId: actor.userId }, select: { id: true } })).id;
    await prisma.expert.updateMany({ where: { studyId: study.id }, data: { invitedAt: daysAgo(20) } });
    await prisma.expert.update({ where: { id: await expertOf(notDone) }, data: { status: "STARTED" } });
    const planned = await planRound(coordinator, study.id, { instrumentId, audience: "PREVIOUS_COMPLETED", itemCodes: ["A"], rules });
    await setRoundStatus(coordinator, study.id, planned.id, "open");
    await prisma.wave.update({ where: { id: planned.id }, data: { openedAt: daysAgo(4) } });

    await sweepReminders(prisma, async () => {}, now, { studyId: study.id });
    const messages = await prisma.message.findMany({ where: { studyId: study.id }, select: { expertId: true, dedupeKey: true } });
    // Five experts completed round 1 and have not started round 2 (day-3 reminder since its opening); the one who did not complete round 1 is not asked.
    expect(messages).toHaveLength(5);
    expect(new Set(messages.map((m) => m.dedupeKey))).toEqual(new Set(["REMINDER_NOT_STARTED:w2:3"]));
    const notDoneId = await expertOf(notDone);
    expect(messages.some((m) => m.expertId === notDoneId)).toBe(false);
  });
});
