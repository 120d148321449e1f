import { afterAll, beforeAll, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createScratchDatabase } from "@/lib/testing/db";
import { prepareDatabase } from "./first-start";

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

it("with DEMO=off an empty database starts without the demo; the bootstrap coordinator becomes the administrator; DEMO=on seeds only an empty database", async () => {
  const lines: string[] = [];
  const off = { DEMO: "off" as const, BOOTSTRAP_COORDINATOR_EMAIL: "First@Team.test", BOOTSTRAP_COORDINATOR_PASSWORD: "a-long-enough-password", BOOTSTRAP_COORDINATOR_NAME: "First" };
  expect(await prepareDatabase(prisma, off, (l) => lines.push(l))).toBeNull();
  expect(await prisma.study.count()).toBe(0);
  expect(await prisma.user.findMany({ select: { email: true, role: true, isAdmin: true } })).toEqual([{ email: "first@team.test", role: "COORDINATOR", isAdmin: true }]);
  expect(lines.join("\n")).toContain("DEMO=off");

  // The database is no longer empty: even with the demo switched on, nothing is seeded into it.
  expect(await prepareDatabase(prisma, { DEMO: "on" }, () => {})).toBeNull();
  expect(await prisma.study.count()).toBe(0);
  expect(await prisma.user.count()).toBe(1);
});
