import { createHash } from "node:crypto";
import type { TDb } from "@/lib/db/types";

/**
 * Throttles repeated failures per key, in PostgreSQL so that every instance shares the counts.
 * Within a window, the first `free` failures cost nothing; each further one blocks the key for a
 * doubling delay (2 s, 4 s, 8 s, …) capped at `maxBlockMs`: a brute force is slowed to a crawl,
 * while nobody is ever locked out for longer than the cap. Which keys a failure counts against is
 * the caller's choice (lib/auth/sign-in.ts): keys must be chosen so that nobody can fill someone
 * else's.
 */
export type TLimit = { free: number; windowMs: number; maxBlockMs: number };

export const DEFAULT_LIMIT: TLimit = { free: 5, windowMs: 15 * 60_000, maxBlockMs: 15 * 60_000 };

/** One failure in PRUNE_EVERY also deletes up to PRUNE_BATCH rows whose window and block are over. */
const PRUNE_EVERY = 200;
const PRUNE_BATCH = 1_000;
/** No limit's window may be longer than this, so a row idle this long counts for nothing. */
export const LONGEST_WINDOW_MS = 60 * 60_000;

/**
 * A key made of values a client chooses (an e-mail address, an address): hashed, so that the table
 * holds no typed-in e-mail addresses and every key has the same short length.
 */
export function throttleKey(kind: string, ...parts: string[]): string {
  const digest = createHash("sha256").update(parts.join("\n")).digest("base64url").slice(0, 27);
  return `${kind}:${digest}`;
}

export async function retryAfterMs(client: TDb, key: string, now = new Date()): Promise<number> {
  const row = await client.rateLimit.findUnique({ where: { key }, select: { blockedUntil: true } });
  const until = row?.blockedUntil?.getTime() ?? 0;
  return Math.max(0, until - now.getTime());
}

/** The longest wait any of the keys imposes (0: none is blocked). One query for all of them. */
export async function longestRetryAfterMs(client: TDb, keys: string[], now = new Date()): Promise<number> {
  if (keys.length === 0) return 0;
  const rows = await client.rateLimit.findMany({ where: { key: { in: keys }, blockedUntil: { gt: now } }, select: { blockedUntil: true } });
  return rows.reduce((max, r) => Math.max(max, r.blockedUntil!.getTime() - now.getTime()), 0);
}

/**
 * Counts one failure against the key and returns the key's failures in the current window,
 * this one included. One statement, so concurrent failures on two instances both count.
 */
export async function recordFailure(client: TDb, key: string, options: { limit?: TLimit; now?: Date } = {}): Promise<number> {
  const { free, windowMs, maxBlockMs } = options.limit ?? DEFAULT_LIMIT;
  if (windowMs > LONGEST_WINDOW_MS) throw new Error("A throttle window may not exceed LONGEST_WINDOW_MS (pruning relies on it).");
  const now = options.now ?? new Date();
  const windowSecs = windowMs / 1000;
  const capSecs = maxBlockMs / 1000;
  // A window is over once it is older than windowMs and the key is not blocked: counting starts again.
  const rows = await client.$queryRaw<Array<{ failures: number }>>`
    INSERT INTO "RateLimit" AS r ("key", "failures", "windowStart", "blockedUntil")
    VALUES (${key}, 1, ${now}, CASE WHEN 1 > ${free}::int THEN ${now}::timestamptz + make_interval(secs => LEAST(${capSecs}::float8, 2.0)) END)
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN r."windowStart" < ${now}::timestamptz - make_interval(secs => ${windowSecs}::float8)
                         AND (r."blockedUntil" IS NULL OR r."blockedUntil" <= ${now})
                        THEN 1 ELSE r."failures" + 1 END,
      "windowStart" = CASE WHEN r."windowStart" < ${now}::timestamptz - make_interval(secs => ${windowSecs}::float8)
                         AND (r."blockedUntil" IS NULL OR r."blockedUntil" <= ${now})
                        THEN ${now} ELSE r."windowStart" END,
      "blockedUntil" = CASE
        WHEN r."windowStart" < ${now}::timestamptz - make_interval(secs => ${windowSecs}::float8)
             AND (r."blockedUntil" IS NULL OR r."blockedUntil" <= ${now})
          THEN CASE WHEN 1 > ${free}::int THEN ${now}::timestamptz + make_interval(secs => LEAST(${capSecs}::float8, 2.0)) END
        WHEN r."failures" + 1 > ${free}::int
          THEN ${now}::timestamptz + make_interval(secs => LEAST(${capSecs}::float8, power(2, LEAST(r."failures" + 1 - ${free}::int, 30))))
        ELSE r."blockedUntil" END
    RETURNING "failures"`;
  if (Math.random() < 1 / PRUNE_EVERY) await pruneExpired(client, now).catch(() => undefined);
  return rows[0]!.failures;
}

/** Deletes rows that count for nothing any more (a flood of made-up keys must not pile up). */
export async function pruneExpired(client: TDb, now = new Date()): Promise<number> {
  return client.$executeRaw`
    DELETE FROM "RateLimit" WHERE "key" IN (
      SELECT "key" FROM "RateLimit"
      WHERE "windowStart" < ${now}::timestamptz - make_interval(secs => ${LONGEST_WINDOW_MS / 1000}::float8)
        AND ("blockedUntil" IS NULL OR "blockedUntil" <= ${now})
      LIMIT ${PRUNE_BATCH}::int)`;
}

export async function clearFailures(client: TDb, keys: string | string[]): Promise<void> {
  await client.rateLimit.deleteMany({ where: { key: { in: Array.isArray(keys) ? keys : [keys] } } });
}
