import { randomBytes } from "node:crypto";
import { dropDatabase, ensureDatabase, withDatabase } from "@/lib/db/admin";
import { migrate } from "@/lib/db/migrate";
import { createPool, createPrismaClient } from "@/lib/db/client";

export function requireEnv(name: "DATABASE_URL" | "TEST_SERVER_URL"): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run integration tests through \`npm test\` (scripts/test.ts).`);
  return value;
}

/** A new, empty database on the test server; `migrated` applies every migration first. */
export async function createScratchDatabase(options: { migrated: boolean }) {
  const server = requireEnv("TEST_SERVER_URL");
  const name = `scratch_${Date.now()}_${randomBytes(4).toString("hex")}`;
  await ensureDatabase(server, name);
  const url = withDatabase(server, name);
  if (options.migrated) await migrate(url);
  return { name, url, drop: () => dropDatabase(server, name) };
}

const TEST_POOL = { max: 5, connectionTimeoutMs: 5_000, statementTimeoutMs: 15_000 };

/** A Prisma client on the run's shared, migrated database. */
export function testPrisma(overrides: Partial<Parameters<typeof createPrismaClient>[0]> = {}) {
  return createPrismaClient({ url: requireEnv("DATABASE_URL"), ...TEST_POOL, ...overrides });
}

/** A pg pool on the same database, for the functions that take one (the session check). */
export function testPool() {
  return createPool({ url: requireEnv("DATABASE_URL"), ...TEST_POOL });
}
