import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type TPoolOptions = {
  url: string;
  /** Most connections this process opens. */
  max: number;
  /** How long a query waits for a free connection before failing (Prisma 7 would wait forever). */
  connectionTimeoutMs: number;
  statementTimeoutMs: number;
  /** Told when an idle connection fails (the pool drops it); by default nothing is done. */
  onIdleError?: (error: Error) => void;
};

/**
 * The pg pool every client of this process runs on. An idle connection the server drops (a restart,
 * a network cut) is only reported: the pool replaces it, and the next query gets a 503 if the
 * server is still away. Without a listener that error would end the process.
 */
export function createPool(options: TPoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.max,
    connectionTimeoutMillis: options.connectionTimeoutMs,
    idleTimeoutMillis: 30_000,
    statement_timeout: options.statementTimeoutMs,
    application_name: "expert-panel",
  });
  pool.on("error", (error) => options.onIdleError?.(error));
  return pool;
}

/** A Prisma client on the pg driver adapter over `pool`; disconnecting it ends the pool. */
export function prismaOn(pool: pg.Pool): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
}

/**
 * Builds a Prisma client on the pg driver adapter. The app makes exactly one (lib/db.ts); seed
 * code, scripts and tests make their own with the same settings.
 */
export function createPrismaClient(options: TPoolOptions): PrismaClient {
  return prismaOn(createPool(options));
}
