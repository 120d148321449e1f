import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type TPoolOptions = {
  url: string;
  /** Most connections this process opens. */
  max: number;
  /** How long a query waits for a free connection before failing (Prisma 7 would wait forever). */
  connectionTimeoutMs: number;
  statementTimeoutMs: number;
};

/**
 * Builds a Prisma client on the pg driver adapter. The app makes exactly one (lib/db.ts); seed
 * code, scripts and tests make their own with the same settings.
 */
export function createPrismaClient(options: TPoolOptions): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: options.url,
    max: options.max,
    connectionTimeoutMillis: options.connectionTimeoutMs,
    idleTimeoutMillis: 30_000,
    statement_timeout: options.statementTimeoutMs,
    application_name: "expert-panel",
  });
  return new PrismaClient({ adapter });
}
