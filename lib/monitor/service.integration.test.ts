import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { consumeInvitation, issueInvitation } from "@/lib/auth/invitations";
import type { TActor } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import type { ExpertGroup } from "@/lib/generated/prisma/enums";
import { createInstrumentWith } from "@/lib/instrument/create";
import { ZQuestionnaire, type TQuestionnaireInput } from "@/lib/instrument/definition";
import { confirmedText } from "@/lib/i18n/text";
import { getMonitor, setTargets, type TFunnel } from "@/lib/monitor/service";
import { addExpert } from "@/lib/panel/experts";
import { getQuestionnaireState, recordConsent, reopenResponse, saveAnswer, submitResponse } from "@/lib/responses/service";
import { testPrisma } from "@/lib/testing/db";
import { rejection } from "@/lib/testing/errors";
import { actorFor, joinStudy, makeStaff, makeStudy, unique } from "@/lib/testing/factories";

const prisma = testPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await db().$disconnect();
});

const t = (s: string) => confirmedText(`${s} (ru)`, `${s} (en)`);

/** Two sections: S1 (Q1 required), S2 (Q2 required, Q3 optional). */
const QUESTIONNAIRE: TQuestionnaireInput = {
  kind: "questionnaire",
  title: t("Q"),
  sections: [
    { code: "S1", title: t("Section one"), items: [{ code: "Q1", type: "single", text: t("Q1"), required: true, options: [{ code: "A", label: t("A") }, { code: "B", label: t("B") }] }] },
    {
      code: "S2",
      title: t("Section two"),
      items: [
        { code: "Q2", type: "number", text: t("Q2"), required: true, min: 0, max: 100 },
        { code: "Q3", type: "text", text: t("Q3") },
      ],
    },
  ],
};

async function studyWithQuestionnaire() {
  const study = await makeStudy(prisma);
  await createInstrumentWith(prisma, { studyId: study.id, kind: "questionnaire", name: "Q", definition: ZQuestionnaire.parse(QUESTIONNAIRE), actorId: null, publish: true });
  return study.id;
}

/** A coordinator on the team of each of `studyIds`. */
const coordinator = async (...studyIds: string[]) => {
  const staff = await makeStaff(prisma, "COORDINATOR");
  for (const studyId of studyIds) await joinStudy(prisma, studyId, staff);
  return actorFor(prisma, staff.id);
};

type TPerson = { expertId: string; userId: string; actor: () => Promise<TActor> };

async function nominate(studyId: string, country: string, expertGroup: ExpertGroup): Promise<TPerson> {
  const added = await prisma.$transaction((tx) =>
    addExpert(tx, { studyId, name: "Expert", email: `monitor-${unique()}@it.test`, country, expertGroup, language: "en" }),
  );
  let actor: TActor | null = null;
  return { ...added, actor: async () => (actor ??= await actorFor(prisma, added.userId)) };
}

const invite = (p: TPerson) => issueInvitation(prisma, { expertId: p.expertId, issuedById: null, ttlDays: 14 });

/** Issues a link and uses it, as the invitation sign-in does. */
async function openLink(p: TPerson, at = new Date()) {
  const { token } = await invite(p);
  const used = await prisma.$transaction((tx) => consumeInvitation(tx, token, at));
  expect(used.ok).toBe(true);
}

const consent = async (p: TPerson, decision: "ACCEPTED" | "DECLINED" = "ACCEPTED") =>
  recordConsent(await p.actor(), { decision, textVersion: 1, language: "en" });

async function save(p: TPerson, item: string, value: unknown) {
  const actor = await p.actor();
  const state = await getQuestionnaireState(actor);
  const revision = state.questionnaire!.answers[item]?.revision ?? 0;
  const result = await saveAnswer(actor, { mutationId: randomUUID(), versionId: state.questionnaire!.versionId, item, baseRevision: revision, value });
  expect(result.status).toBe("saved");
}

async function complete(p: TPerson) {
  await save(p, "Q1", { choice: "A" });
  await save(p, "Q2", { value: 5 });
  return submitResponse(await p.actor());
}

const statusOf = async (p: TPerson) => (await prisma.expert.findUniqueOrThrow({ where: { id: p.expertId } })).status;
const countsOf = (f: TFunnel) => Object.fromEntries(f.stages.map((s) => [s.stage, s.count]));

describe("status events", () => {
  it("consent moves an invited expert to STARTED, submission to COMPLETED, a reopen back to STARTED", async () => {
    const studyId = await studyWithQuestionnaire();
    const p = await nominate(studyId, "KZ", "OFFICIAL");
    await prisma.expert.update({ where: { id: p.expertId }, data: { status: "INVITED", invitedAt: new Date() } });
    await openLink(p);
    expect(await statusOf(p)).toBe("INVITED");
    await consent(p);
    expect(await statusOf(p)).toBe("STARTED");
    await complete(p);
    expect(await statusOf(p)).toBe("COMPLETED");
    // Consent again after completion never downgrades the expert.
    await consent(p);
    expect(await statusOf(p)).toBe("COMPLETED");
    const response = await prisma.response.findFirstOrThrow({ where: { expertId: p.expertId } });
    await reopenResponse(await coordinator(studyId), response.id);
    expect(await statusOf(p)).toBe("STARTED");
  });

  it("declining consent marks the expert DECLINED, but not a completed or withdrawn one", async () => {
    const studyId = await studyWithQuestionnaire();
    const declining = await nominate(studyId, "KZ", "OFFICIAL");
    await prisma.expert.update({ where: { id: declining.expertId }, data: { status: "VETTED" } });
    await consent(declining, "DECLINED");
    expect(await statusOf(declining)).toBe("DECLINED");

    const completed = await nominate(studyId, "KZ", "OFFICIAL");
    await consent(completed);
    await complete(completed);
    await consent(completed, "DECLINED");
    expect(await statusOf(completed)).toBe("COMPLETED");

    const withdrawn = await nominate(studyId, "KZ", "OFFICIAL");
    await prisma.expert.update({ where: { id: withdrawn.expertId }, data: { status: "WITHDRAWN" } });
    await consent(withdrawn);
    expect(await statusOf(withdrawn)).toBe("WITHDRAWN");
  });

  it("linkOpenedAt is set the first time a link is used and kept when a later link is used", async () => {
    const studyId = await studyWithQuestionnaire();
    const p = await nominate(studyId, "KZ", "OFFICIAL");
    const { token } = await invite(p);
    expect((await prisma.expert.findUniqueOrThrow({ where: { id: p.expertId } })).linkOpenedAt).toBeNull();
    // A refused (unknown) link sets nothing.
    expect((await consumeInvitation(prisma, "x".repeat(43))).ok).toBe(false);
    const first = new Date("2026-01-02T03:04:05.000Z");
    expect((await consumeInvitation(prisma, token, first)).ok).toBe(true);
    expect((await prisma.expert.findUniqueOrThrow({ where: { id: p.expertId } })).linkOpenedAt).toEqual(first);
    await openLink(p, new Date("2026-02-01T00:00:00.000Z"));
    expect((await prisma.expert.findUniqueOrThrow({ where: { id: p.expertId } })).linkOpenedAt).toEqual(first);
  });
});

/**
 * A study with known experts:
 *   KZ/OFFICIAL: a nominated, b vetted, c invited (link issued), d link opened
 *   AM/SCIENTIST: e consented + answered S1, f completed, g declined, h answered S1 then S2, j consented only
 */
async function seededStudy() {
  const studyId = await studyWithQuestionnaire();
  const kz = () => nominate(studyId, "KZ", "OFFICIAL");
  const am = () => nominate(studyId, "AM", "SCIENTIST");
  const [a, b, c, d] = [await kz(), await kz(), await kz(), await kz()];
  await prisma.expert.update({ where: { id: b.expertId }, data: { status: "VETTED" } });
  await invite(c);
  await openLink(d);
  const [e, f, g, h, j] = [await am(), await am(), await am(), await am(), await am()];
  for (const p of [e, f, g, h, j]) await openLink(p);
  await consent(e);
  await save(e, "Q1", { choice: "B" });
  await consent(f);
  await complete(f);
  await consent(g, "DECLINED");
  await consent(h);
  await save(h, "Q1", { choice: "A" });
  await save(h, "Q3", { text: "stopped here" });
  await consent(j);
  return { studyId, a, b, c, d, e, f, g, h, j };
}

describe("monitoring: funnel", () => {
  it("counts every stage cumulatively, overall and per country x group, with both rates", async () => {
    const { studyId } = await seededStudy();
    const m = await getMonitor(await coordinator(studyId), studyId);

    expect(countsOf(m.overall)).toEqual({ nominated: 9, vetted: 8, invited: 7, opened: 6, started: 4, completed: 1 });
    expect(m.overall).toMatchObject({ declined: 1, withdrawn: 0, rejected: 0 });
    const started = m.overall.stages.find((s) => s.stage === "started")!;
    expect(started.ofNominated).toBeCloseTo(4 / 9);
    expect(started.fromPrevious).toBeCloseTo(4 / 6);
    expect(m.overall.stages[0]).toMatchObject({ stage: "nominated", ofNominated: 1, fromPrevious: null });

    expect(m.cells.map((c) => `${c.country}:${c.expertGroup}`)).toEqual(["AM:SCIENTIST", "KZ:OFFICIAL"]);
    const kz = m.cells.find((c) => c.country === "KZ")!;
    expect(countsOf(kz)).toEqual({ nominated: 4, vetted: 3, invited: 2, opened: 1, started: 0, completed: 0 });
    expect(kz.stages.find((s) => s.stage === "started")!.fromPrevious).toBe(0);
    const am = m.cells.find((c) => c.country === "AM")!;
    expect(countsOf(am)).toEqual({ nominated: 5, vetted: 5, invited: 5, opened: 5, started: 4, completed: 1 });
    expect(am).toMatchObject({ declined: 1, started: 4, completed: 1, target: null, progress: null });
  });

  it("an expert who withdraws after starting still counts as started, and separately as withdrawn", async () => {
    const studyId = await studyWithQuestionnaire();
    const p = await nominate(studyId, "BY", "BUSINESS");
    await openLink(p);
    await consent(p);
    await prisma.expert.update({ where: { id: p.expertId }, data: { status: "WITHDRAWN" } });
    const m = await getMonitor(await coordinator(studyId), studyId);
    expect(countsOf(m.overall)).toMatchObject({ started: 1, completed: 0 });
    expect(m.overall.withdrawn).toBe(1);
  });

  it("only coordinators see it, and an unknown study is 404", async () => {
    const { studyId } = { studyId: await studyWithQuestionnaire() };
    const interviewer = await actorFor(prisma, (await makeStaff(prisma, "INTERVIEWER")).id);
    expect((await rejection(getMonitor(interviewer, studyId))).status).toBe(403);
    expect((await rejection(getMonitor(await coordinator(), randomUUID()))).status).toBe(404);
  });
});

describe("monitoring: targets", () => {
  it("coordinators set targets per cell (audited); cells show completed / target; 0 removes a target", async () => {
    const { studyId } = await seededStudy();
    const coord = await coordinator(studyId);
    await setTargets(coord, studyId, { targets: [{ country: "AM", expertGroup: "SCIENTIST", target: 2 }, { country: "BY", expertGroup: "BUSINESS", target: 5 }] });
    let m = await getMonitor(coord, studyId);
    expect(m.cells.find((c) => c.country === "AM")).toMatchObject({ target: 2, completed: 1, started: 4, progress: 0.5 });
    // A cell with a target and no experts yet is shown too.
    expect(m.cells.find((c) => c.country === "BY")).toMatchObject({ target: 5, completed: 0, progress: 0 });

    await setTargets(coord, studyId, { targets: [{ country: "BY", expertGroup: "BUSINESS", target: 0 }, { country: "AM", expertGroup: "SCIENTIST", target: 4 }] });
    m = await getMonitor(coord, studyId);
    expect(m.cells.some((c) => c.country === "BY")).toBe(false);
    expect(m.cells.find((c) => c.country === "AM")).toMatchObject({ target: 4, progress: 0.25 });

    const audit = await prisma.auditEvent.findMany({ where: { action: "targets.update", entityId: studyId }, orderBy: { id: "asc" } });
    expect(audit).toHaveLength(2);
    expect(audit[1]).toMatchObject({
      actorId: coord.userId,
      before: [{ country: "AM", expertGroup: "SCIENTIST", target: 2 }, { country: "BY", expertGroup: "BUSINESS", target: 5 }],
      after: [{ country: "BY", expertGroup: "BUSINESS", target: 0 }, { country: "AM", expertGroup: "SCIENTIST", target: 4 }],
    });
  });

  it("bad targets are refused and change nothing", async () => {
    const studyId = await studyWithQuestionnaire();
    const coord = await coordinator(studyId);
    const bad = [
      { targets: [{ country: "KZ", expertGroup: "OFFICIAL", target: -1 }] },
      { targets: [{ country: "Kazakhstan", expertGroup: "OFFICIAL", target: 3 }] },
      { targets: [{ country: "KZ", expertGroup: "OFFICIAL", target: 3 }, { country: "KZ", expertGroup: "OFFICIAL", target: 4 }] },
    ];
    for (const input of bad) expect((await rejection(setTargets(coord, studyId, input as never))).status).toBe(400);
    expect(await prisma.cellTarget.count({ where: { studyId } })).toBe(0);
    const interviewer = await actorFor(prisma, (await makeStaff(prisma, "INTERVIEWER")).id);
    expect((await rejection(setTargets(interviewer, studyId, { targets: [{ country: "KZ", expertGroup: "OFFICIAL", target: 1 }] }))).status).toBe(403);
  });
});

describe("monitoring: activity, time to complete and drop-off", () => {
  it("drop-off is the section of each unfinished response's last-saved item; consented experts without answers are counted apart", async () => {
    const { studyId } = await seededStudy();
    const m = await getMonitor(await coordinator(studyId), studyId);
    expect(m.dropOff.sections.map((s) => [s.sectionCode, s.count])).toEqual([["S1", 1], ["S2", 1]]);
    expect(m.dropOff.sections[1]!.title?.en).toBe("Section two (en)");
    expect(m.dropOff.beforeFirstAnswer).toBe(1);
  });

  it("the median time to complete interpolates between the middle responses (percentile_cont)", async () => {
    const studyId = await studyWithQuestionnaire();
    const people = [await nominate(studyId, "RU", "BUSINESS"), await nominate(studyId, "RU", "BUSINESS")];
    const base = new Date("2026-03-01T10:00:00.000Z").getTime();
    for (const [i, p] of people.entries()) {
      await consent(p);
      await complete(p);
      await prisma.response.updateMany({ where: { expertId: p.expertId }, data: { startedAt: new Date(base), submittedAt: new Date(base + (i === 0 ? 100 : 300) * 1000) } });
    }
    const m = await getMonitor(await coordinator(studyId), studyId);
    expect(m.completion).toEqual({ submitted: 2, medianSeconds: 200 });
  });

  it("last activity per expert comes from link use, consent, saves and submission, newest first", async () => {
    const { studyId, a, f, e } = await seededStudy();
    const m = await getMonitor(await coordinator(studyId), studyId);
    expect(m.activity).toHaveLength(9);
    const row = (id: string) => m.activity.find((r) => r.expertId === id)!;
    expect(row(a.expertId)).toMatchObject({ status: "NOMINATED", lastActivityAt: null });
    const submitted = await prisma.response.findFirstOrThrow({ where: { expertId: f.expertId } });
    expect(row(f.expertId)).toMatchObject({ status: "COMPLETED", submittedAt: submitted.submittedAt!.toISOString() });
    expect(new Date(row(f.expertId).lastActivityAt!).getTime()).toBeGreaterThanOrEqual(submitted.submittedAt!.getTime());
    expect(row(e.expertId).startedAt).not.toBeNull();
    const times = m.activity.map((r) => (r.lastActivityAt ? new Date(r.lastActivityAt).getTime() : -Infinity));
    expect([...times].sort((x, y) => y - x)).toEqual(times);
    expect(m.activity.at(-1)!.lastActivityAt).toBeNull();
  });
});
