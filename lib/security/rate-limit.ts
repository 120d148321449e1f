import type { TDb } from "@/lib/db/types";

/**
 * Throttles repeated failures (password sign-in, invitation links) per key, in PostgreSQL so every
 * instance shares the count. After FREE_FAILURES in a window, each further failure blocks the key
 * for a doubling delay, capped at MAX_BLOCK_MS: a brute force is slowed to a crawl, while the real
 * user is never locked out for longer than the cap.
 */
const FREE_FAILURES = 5;
const WINDOW_MS = 15 * 60_000;
const MAX_BLOCK_MS = 15 * 60_000;

export async function retryAfterMs(client: TDb, key: string, now = new Date()): Promise<number> {
  const row = await client.rateLimit.findUnique({ where: { key }, select: { blockedUntil: true } });
  const until = row?.blockedUntil?.getTime() ?? 0;
  return Math.max(0, until - now.getTime());
}

export async function recordFailure(client: TDb, key: string, now = new Date()): Promise<void> {
  // One statement, so concurrent failures on two instances both count.
  await client.$executeRaw`
    INSERT INTO "RateLimit" ("key", "failures", "windowStart", "blockedUntil")
    VALUES (${key}, 1, ${now}, NULL)
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN "RateLimit"."windowStart" < ${now}::timestamptz - make_interval(secs => ${WINDOW_MS / 1000})
                        AND ("RateLimit"."blockedUntil" IS NULL OR "RateLimit"."blockedUntil" < ${now})
                        THEN 1 ELSE "RateLimit"."failures" + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" < ${now}::timestamptz - make_interval(secs => ${WINDOW_MS / 1000})
                        AND ("RateLimit"."blockedUntil" IS NULL OR "RateLimit"."blockedUntil" < ${now})
                        THEN ${now} ELSE "RateLimit"."windowStart" END`;
  await client.$executeRaw`
    UPDATE "RateLimit"
    SET "blockedUntil" = ${now}::timestamptz + make_interval(secs =>
          LEAST(${MAX_BLOCK_MS / 1000}, power(2, "failures" - ${FREE_FAILURES})))
    WHERE "key" = ${key} AND "failures" > ${FREE_FAILURES}`;
}

export async function clearFailures(client: TDb, key: string): Promise<void> {
  await client.rateLimit.deleteMany({ where: { key } });
}
