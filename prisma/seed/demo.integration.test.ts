import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { verifyPassword } from "@/lib/auth/password";
import { consumeInvitation } from "@/lib/auth/invitations";
import { contentHash } from "@/lib/instrument/canonical";
import { createScratchDatabase } from "@/lib/testing/db";
import { checkResponse, type TAnswers } from "@/lib/instrument/answers";
import { ZQuestionnaire } from "@/lib/instrument/definition";
import { DEMO_IN_PROGRESS, DEMO_INTERVIEWS, DEMO_RESPONDENTS, PAIR_MEANS } from "@/prisma/seed/demo-data";
import { databaseIsEmpty, demoExpertLink, seedDemo, DEMO_COORDINATOR_EMAIL, DEMO_INTERVIEWER_EMAIL } from "@/prisma/seed/demo";
import { DEMO_CELL_TARGET } from "@/prisma/seed/demo-work";
import { roundReport } from "@/lib/delphi/report";
import { DEFAULT_ROUND_RULES, ZRoundRules } from "@/lib/delphi/rules";
import type { TAnswerValue } from "@/lib/instrument/answers";

let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
let prisma: PrismaClient;

beforeAll(async () => {
  scratch = await createScratchDatabase({ migrated: true });
  prisma = createPrismaClient({ url: scratch.url, max: 2, connectionTimeoutMs: 5_000, statementTimeoutMs: 60_000 });
});
afterAll(async () => {
  await prisma.$disconnect();
  await scratch.drop();
});

describe("the demo seed", () => {
  it("fills an empty database with the study, its published instruments, a team and a panel", async () => {
    expect(await databaseIsEmpty(prisma)).toBe(true);
    const started = Date.now();
    const signIns = await seedDemo(prisma);
    console.log(`seedDemo took ${Date.now() - started} ms`);
    expect(await databaseIsEmpty(prisma)).toBe(false);

    const coordinator = await prisma.user.findUniqueOrThrow({ where: { email: DEMO_COORDINATOR_EMAIL } });
    expect(await verifyPassword(coordinator.passwordHash!, signIns.coordinator.password)).toBe(true);
    // The demo team: its coordinator (also the installation's administrator) and interviewer, on the demo study, in fieldwork.
    expect(coordinator.isAdmin).toBe(true);
    const demo = await prisma.study.findFirstOrThrow({ where: { isDemo: true }, select: { status: true, members: { select: { role: true, user: { select: { email: true } } } } } });
    expect(demo.status).toBe("FIELDWORK");
    expect(demo.members.map((m) => [m.user.email, m.role]).sort()).toEqual([[DEMO_COORDINATOR_EMAIL, "COORDINATOR"], [signIns.interviewer.email, "INTERVIEWER"]].sort());

    const versions = await prisma.instrumentVersion.findMany({ include: { instrument: true } });
    expect(versions.map((v) => [v.instrument.kind, v.status, v.number]).sort()).toEqual([
      ["GUIDE", "PUBLISHED", 1],
      ["QUESTIONNAIRE", "PUBLISHED", 1],
    ]);
    for (const v of versions) expect(v.contentHash).toBe(contentHash(v.content));

    const experts = await prisma.expert.findMany({ where: { user: { email: { startsWith: "expert" } } } });
    expect(experts).toHaveLength(20);
    expect(new Set(experts.map((e) => e.country))).toEqual(new Set(["RU", "BY", "KZ", "AM", "KG"]));
    expect(new Set(experts.map((e) => e.expertGroup)).size).toBe(4);
    expect(experts.map((e) => e.pseudonym).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    // A spread of the panel lifecycle and tracks, with profiles filled in; the demo expert is invited.
    const count = (status: string) => experts.filter((e) => e.status === status).length;
    expect([count("INVITED"), count("NOMINATED"), count("VETTED"), count("REJECTED")]).toEqual([16, 2, 1, 1]);
    expect(new Set(experts.map((e) => e.track))).toEqual(new Set(["QUESTIONNAIRE", "INTERVIEW", "BOTH"]));
    expect(experts.every((e) => e.isDemo && e.organisation !== "" && e.experienceYears !== null)).toBe(true);
    expect(experts.filter((e) => e.status !== "NOMINATED").every((e) => e.decidedById === coordinator.id && e.decidedAt)).toBe(true);
    expect(experts.find((e) => e.pseudonym === 1)).toMatchObject({ status: "INVITED" });
  });

  it("adds synthetic respondents and interviews whose figures resemble the paper's", async () => {
    const demo = await prisma.expert.findMany({ where: { isDemo: true, track: "QUESTIONNAIRE", responses: { some: {} } }, include: { responses: { where: { wave: 1 }, include: { answers: true, version: true } } } });
    expect(demo).toHaveLength(DEMO_RESPONDENTS);
    expect(new Set(demo.map((e) => `${e.country}/${e.expertGroup}`)).size).toBe(20);
    const submitted = demo.flatMap((e) => e.responses).filter((r) => r.status === "SUBMITTED");
    expect(submitted).toHaveLength(DEMO_RESPONDENTS - DEMO_IN_PROGRESS);
    expect(demo.flatMap((e) => e.responses).filter((r) => r.status === "IN_PROGRESS")).toHaveLength(DEMO_IN_PROGRESS);
    // Every submitted response passes the server's submission check.
    for (const r of submitted) {
      const answers = Object.fromEntries(r.answers.map((a) => [a.itemCode, a.value])) as TAnswers;
      expect(checkResponse(ZQuestionnaire.parse(r.version.content), answers).problems).toEqual([]);
    }
    const value = (r: (typeof submitted)[number], item: string) => r.answers.find((a) => a.itemCode === item)?.value as Record<string, unknown> | undefined;
    // Q2, % of respondents: 45.28 / 35.85 / 11 in the paper.
    const share = (choice: string) => (100 * submitted.filter((r) => value(r, "Q2")?.choice === choice).length) / submitted.length;
    expect(Math.abs(share("Q2_1") - 45.28)).toBeLessThan(3);
    expect(Math.abs(share("Q2_2") - 35.85)).toBeLessThan(3);
    expect(Math.abs(share("Q2_3") - 11)).toBeLessThan(3);
    // Q5, mean per pair: Russia–Belarus 8.5 … Armenia–Kyrgyzstan 4.1.
    const mean = (row: string) => {
      const xs = submitted.map((r) => (value(r, "Q5")?.rows as Record<string, unknown>)[row]).filter((x): x is number => typeof x === "number");
      return xs.reduce((a, b) => a + b, 0) / xs.length;
    };
    for (const [row, target] of Object.entries(PAIR_MEANS)) expect(Math.abs(mean(row) - target), row).toBeLessThan(0.05);

    const interviews = await prisma.interview.findMany({ where: { status: "DONE" }, include: { notes: true, quotes: { include: { codes: true } } } });
    expect(interviews).toHaveLength(DEMO_INTERVIEWS);
    for (const i of interviews) {
      expect(i.notes.length).toBeGreaterThan(0);
      for (const q of i.quotes) {
        expect(i.notes.find((n) => n.questionCode === q.questionCode)!.text.slice(q.start, q.end)).toBe(q.text);
        expect(q.codes.length).toBeGreaterThan(0);
      }
    }
  });

  it("has a closed Delphi round 2 of the pair ratings and the interaction type, whose report has content", async () => {
    const instrument = await prisma.instrument.findFirstOrThrow({ where: { study: { isDemo: true }, kind: "QUESTIONNAIRE" }, select: { id: true } });
    const waves = await prisma.wave.findMany({ where: { instrumentId: instrument.id }, orderBy: { number: "asc" }, select: { number: true, kind: true, status: true, itemCodes: true, rules: true } });
    expect(waves.map((w) => [w.number, w.kind, w.status, w.itemCodes])).toEqual([
      [1, "WAVE", "OPEN", []],
      [2, "DELPHI_ROUND", "CLOSED", ["Q5", "Q25"]],
    ]);
    expect(ZRoundRules.safeParse(waves[1]!.rules).success).toBe(true);
    const respondents = async (wave: number) =>
      (
        await prisma.response.findMany({
          where: { instrumentId: instrument.id, wave, status: "SUBMITTED" },
          select: { expertId: true, expert: { select: { country: true, expertGroup: true } }, answers: { where: { itemCode: { in: ["Q5", "Q25"] } }, select: { itemCode: true, value: true } } },
        })
      ).map((r) => ({ expertId: r.expertId, country: r.expert.country, group: r.expert.expertGroup, answers: Object.fromEntries(r.answers.map((a) => [a.itemCode, a.value as TAnswerValue])) }));
    const [round1, round2] = [await respondents(1), await respondents(2)];
    expect(round2).toHaveLength(DEMO_RESPONDENTS - DEMO_IN_PROGRESS);
    const q = ZQuestionnaire.parse((await prisma.instrumentVersion.findFirstOrThrow({ where: { instrumentId: instrument.id, status: "PUBLISHED" }, select: { content: true } })).content);
    const items = q.sections.flatMap((s) => s.items).filter((i) => i.code === "Q5" || i.code === "Q25");
    const reasons = await prisma.answerReason.findMany({ where: { response: { instrumentId: instrument.id, wave: 2 } }, select: { itemCode: true, text: true } });
    expect(reasons.length).toBeGreaterThan(0);
    const report = roundReport({ items, rules: DEFAULT_ROUND_RULES, current: round2, previous: round1, reasons, k: 3 });
    const pairs = report.filter((r) => r.itemCode === "Q5");
    expect(pairs).toHaveLength(10);
    // Ratings moved toward round 1's medians (halfway, rounded): none away, many toward.
    for (const row of pairs) {
      expect(row.movement!.away).toBe(0);
      expect(row.stability!.iqrChange).not.toBeNull();
    }
    expect(pairs.reduce((n, r) => n + r.movement!.toward, 0)).toBeGreaterThan(pairs.length * 5);
    expect(pairs.some((r) => r.consensus.reached === true)).toBe(true);
    expect(report.find((r) => r.code === "Q25")!.n).toBe(DEMO_RESPONDENTS - DEMO_IN_PROGRESS);
  });

  it("gives every role something to do: targets per cell, an invitation in the outbox, an interview planned and one under way", async () => {
    const targets = await prisma.cellTarget.findMany();
    expect(targets).toHaveLength(20);
    expect(targets.every((t) => t.target === DEMO_CELL_TARGET)).toBe(true);

    const messages = await prisma.message.findMany({ include: { expert: { select: { pseudonym: true, status: true } } } });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ kind: "INVITATION", status: "SENT", transport: "outbox" });
    expect(messages[0]!.body).toMatch(/\/invite\/[A-Za-z0-9_-]{43}/);
    expect(messages[0]!.expert.pseudonym).not.toBe(1);

    const interviewer = await prisma.user.findFirstOrThrow({ where: { email: DEMO_INTERVIEWER_EMAIL } });
    const open = await prisma.interview.findMany({ where: { interviewerId: interviewer.id, status: { not: "DONE" } }, include: { notes: true } });
    expect(open.map((i) => i.status).sort()).toEqual(["IN_PROGRESS", "PLANNED"]);
    const planned = open.find((i) => i.status === "PLANNED")!;
    expect(planned.plannedAt.getTime()).toBeGreaterThan(Date.now());
    const underway = open.find((i) => i.status === "IN_PROGRESS")!;
    expect(underway.consentAt).not.toBeNull();
    expect(underway.notes).toHaveLength(1);
  });

  it("prints a working single-use link for the demo expert at every start", async () => {
    const first = await demoExpertLink(prisma, 14);
    const second = await demoExpertLink(prisma, 14);
    expect(first).toMatch(/^\/invite\/[A-Za-z0-9_-]{43}$/);
    const token = (path: string | null) => path!.split("/").pop()!;
    expect(await consumeInvitation(prisma, token(first))).toEqual({ ok: false, state: "replaced" });
    expect(await consumeInvitation(prisma, token(second))).toMatchObject({ ok: true });
  });
});
