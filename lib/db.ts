import "server-only";
import type pg from "pg";
import { createPool, prismaOn } from "@/lib/db/client";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import type { PrismaClient } from "@/lib/generated/prisma/client";

type TDatabase = { prisma: PrismaClient; pool: pg.Pool };
const globalForDb = globalThis as unknown as { database?: TDatabase };

function database(): TDatabase {
  if (!globalForDb.database) {
    const e = env();
    const pool = createPool({
      url: e.DATABASE_URL,
      max: e.DB_POOL_MAX,
      connectionTimeoutMs: e.DB_POOL_TIMEOUT_MS,
      statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS,
      onIdleError: (error) => log.warn({ event: "db.idle_connection_lost", err: { name: error.name, message: error.message } }, "an idle database connection was lost"),
    });
    globalForDb.database = { prisma: prismaOn(pool), pool };
  }
  return globalForDb.database;
}

/** The process's one Prisma client, made on first use and kept across hot reloads in development. */
export function db(): PrismaClient {
  return database().prisma;
}

/**
 * The pg pool under that client, for the few statements on the path of nearly every request (the
 * session check, the autosave), where Prisma's own work per raw query (about 0.1 ms of CPU) is a
 * large share of the request's. Same connections, limits and timeouts; ended with the client.
 */
export function sql(): pg.Pool {
  return database().pool;
}
