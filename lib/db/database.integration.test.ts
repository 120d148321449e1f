import { afterAll, describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { LONGEST_WINDOW_MS, clearFailures, pruneExpired, recordFailure, retryAfterMs } from "@/lib/security/rate-limit";
import { testPrisma } from "@/lib/testing/db";
import { unique } from "@/lib/testing/factories";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

describe("connection pool", () => {
  it("fails fast with a recognisable error when every connection is busy, then recovers", async () => {
    const small = testPrisma({ max: 1, connectionTimeoutMs: 300 });
    try {
      let holding!: () => void;
      const held = new Promise<void>((resolve) => (holding = resolve));
      const hold = small.$transaction(async (tx) => {
        holding();
        await tx.$executeRaw`SELECT pg_sleep(1.5)`;
      }, { timeout: 10_000 });
      // The one connection is taken once the transaction has begun.
      await held;
      const started = Date.now();
      const error = await small.$queryRaw`SELECT 1`.then(() => null, (e: unknown) => e);
      const waited = Date.now() - started;
      expect(error).not.toBeNull();
      expect(isDatabaseUnavailable(error)).toBe(true);
      expect(waited).toBeLessThan(1_200);
      await hold;
      expect(await small.$queryRaw`SELECT 1 AS ok`).toEqual([{ ok: 1 }]);
    } finally {
      await small.$disconnect();
    }
  });
});

describe("audit log", () => {
  it("the database refuses UPDATE, DELETE and TRUNCATE on audit entries", async () => {
    const entry = await prisma.auditEvent.create({ data: { action: "test.append", entity: "Test" } });
    await expect(prisma.$executeRaw`UPDATE "AuditEvent" SET "action" = 'changed' WHERE "id" = ${entry.id}`).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRaw`DELETE FROM "AuditEvent" WHERE "id" = ${entry.id}`).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRaw`TRUNCATE "AuditEvent"`).rejects.toThrow(/append-only/);
    expect((await prisma.auditEvent.findUniqueOrThrow({ where: { id: entry.id } })).action).toBe("test.append");
  });
});

describe("failure throttling", () => {
  it("lets a few failures pass, then blocks with growing delays capped at 15 minutes", async () => {
    const key = `test:${unique()}`;
    const now = new Date();
    for (let i = 0; i < 5; i++) await recordFailure(prisma, key, { now });
    expect(await retryAfterMs(prisma, key, now)).toBe(0);
    await recordFailure(prisma, key, { now });
    const first = await retryAfterMs(prisma, key, now);
    expect(first).toBeGreaterThan(0);
    await recordFailure(prisma, key, { now });
    expect(await retryAfterMs(prisma, key, now)).toBeGreaterThan(first);
    for (let i = 0; i < 100; i++) await recordFailure(prisma, key, { now });
    const capped = await retryAfterMs(prisma, key, now);
    expect(capped).toBe(15 * 60_000);
    // Blocked now, free again after the cap: no permanent lock-out.
    expect(await retryAfterMs(prisma, key, new Date(now.getTime() + 15 * 60_000 + 1))).toBe(0);
    await clearFailures(prisma, key);
    expect(await retryAfterMs(prisma, key, now)).toBe(0);
  });

  it("counts failures from concurrent requests", async () => {
    const key = `test:${unique()}`;
    await Promise.all(Array.from({ length: 20 }, () => recordFailure(prisma, key)));
    expect((await prisma.rateLimit.findUniqueOrThrow({ where: { key } })).failures).toBe(20);
  });

  it("prunes rows that count for nothing any more, and keeps the ones that still do", async () => {
    const now = new Date();
    const old = new Date(now.getTime() - LONGEST_WINDOW_MS - 60_000);
    const [stale, blocked, recent] = [`test:${unique()}`, `test:${unique()}`, `test:${unique()}`];
    await recordFailure(prisma, stale, { now: old });
    // Blocked for 2^13 s, past `now`.
    for (let i = 0; i < 13; i++) await recordFailure(prisma, blocked, { now: old, limit: { free: 0, windowMs: 60_000, maxBlockMs: 4 * LONGEST_WINDOW_MS } });
    await recordFailure(prisma, recent, { now });
    while ((await pruneExpired(prisma, now)) > 0);
    const left = (await prisma.rateLimit.findMany({ where: { key: { in: [stale, blocked, recent] } } })).map((r) => r.key);
    expect(left.sort()).toEqual([blocked, recent].sort());
  });
});
