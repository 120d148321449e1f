import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { verifyPassword } from "@/lib/auth/password";
import { consumeInvitation } from "@/lib/auth/invitations";
import { contentHash } from "@/lib/instrument/canonical";
import { createScratchDatabase } from "@/lib/testing/db";
import { databaseIsEmpty, demoExpertLink, seedDemo, DEMO_COORDINATOR_EMAIL } from "@/prisma/seed/demo";

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
    const signIns = await seedDemo(prisma);
    expect(await databaseIsEmpty(prisma)).toBe(false);

    const coordinator = await prisma.user.findUniqueOrThrow({ where: { email: DEMO_COORDINATOR_EMAIL } });
    expect(await verifyPassword(coordinator.passwordHash!, signIns.coordinator.password)).toBe(true);

    const versions = await prisma.instrumentVersion.findMany({ include: { instrument: true } });
    expect(versions.map((v) => [v.instrument.kind, v.status, v.number]).sort()).toEqual([
      ["GUIDE", "PUBLISHED", 1],
      ["QUESTIONNAIRE", "PUBLISHED", 1],
    ]);
    for (const v of versions) expect(v.contentHash).toBe(contentHash(v.content));

    const experts = await prisma.expert.findMany();
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

  it("prints a working single-use link for the demo expert at every start", async () => {
    const first = await demoExpertLink(prisma, 14);
    const second = await demoExpertLink(prisma, 14);
    expect(first).toMatch(/^\/invite\/[A-Za-z0-9_-]{43}$/);
    const token = (path: string | null) => path!.split("/").pop()!;
    expect(await consumeInvitation(prisma, token(first))).toEqual({ ok: false, state: "replaced" });
    expect(await consumeInvitation(prisma, token(second))).toMatchObject({ ok: true });
  });
});
