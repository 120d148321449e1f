import "server-only";
import { createPrismaClient } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { PrismaClient } from "@/lib/generated/prisma/client";

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function makeClient(): PrismaClient {
  const e = env();
  return createPrismaClient({
    url: e.DATABASE_URL,
    max: e.DB_POOL_MAX,
    connectionTimeoutMs: e.DB_POOL_TIMEOUT_MS,
    statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS,
  });
}

/** The process's one Prisma client, made on first use and kept across hot reloads in development. */
export function db(): PrismaClient {
  if (!globalForPrisma.prisma) {
    globalForPrisma.prisma = makeClient();
  }
  return globalForPrisma.prisma;
}
