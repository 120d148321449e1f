import { randomUUID } from "node:crypto";
import pg from "pg";
import type { TItemKind } from "./fixtures";
import { summarize, type TSummary } from "./stats";
import { randomInt, randomValue } from "./values";

/**
 * The database's own speed for the write an autosave ends in: `clients` connections each upserting
 * one answer at a time, as fast as they can, with no app in between. The same table, the same
 * statement shape as the app's upsert, but responses of their own (a separate study), so the app's
 * answers are untouched.
 */
export const UPSERT_SQL = `
INSERT INTO "Answer" ("responseId", "itemCode", "value", "revision", "mutationId", "updatedAt")
VALUES ($1::uuid, $2, $3::jsonb, 1, $4::uuid, now())
ON CONFLICT ("responseId", "itemCode") DO UPDATE
SET "value" = EXCLUDED."value", "revision" = "Answer"."revision" + 1, "mutationId" = EXCLUDED."mutationId", "updatedAt" = EXCLUDED."updatedAt"`;

export type TBaselineResult = { operations: number; seconds: number; perSecond: number; errors: number; latency: TSummary };

/**
 * `clients` connections, each running `step` over and over until `seconds` are up: a step that
 * resolves true is one timed operation, false is not counted (a retry), a throw is an error.
 */
async function runBareLoop(
  options: { databaseUrl: string; clients: number; seconds: number },
  stepFor: (client: pg.Client, index: number) => () => Promise<boolean>,
): Promise<TBaselineResult> {
  const clients = await Promise.all(
    Array.from({ length: options.clients }, async () => {
      const c = new pg.Client({ connectionString: options.databaseUrl, application_name: "expert-panel-bench-baseline" });
      c.on("error", () => {});
      await c.connect();
      return c;
    }),
  );
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  try {
    await Promise.all(
      clients.map(async (client, index) => {
        const step = stepFor(client, index);
        while (performance.now() < deadline) {
          const t = performance.now();
          try {
            if (await step()) latencies.push(performance.now() - t);
          } catch {
            errors++;
          }
        }
      }),
    );
  } finally {
    await Promise.all(clients.map((c) => c.end().catch(() => {})));
  }
  const seconds = (performance.now() - started) / 1000;
  return { operations: latencies.length, seconds, perSecond: latencies.length / seconds, errors, latency: summarize(latencies) };
}

export function runUpsertBaseline(options: {
  databaseUrl: string;
  clients: number;
  seconds: number;
  responseIds: string[];
  items: Array<{ code: string; kind: TItemKind }>;
}): Promise<TBaselineResult> {
  return runBareLoop(options, (client) => async () => {
    const item = options.items[randomInt(options.items.length)]!;
    const responseId = options.responseIds[randomInt(options.responseIds.length)]!;
    await client.query({ name: "bench-upsert", text: UPSERT_SQL, values: [responseId, item.code, JSON.stringify(randomValue(item.kind, item.code)), randomUUID()] });
    return true;
  });
}

/**
 * The app's own save statement in a bare loop: `clients` connections each calling `save_answer` (the
 * function every autosave ends in: the response's row lock, the revision check, the answer, the
 * mutation log) one save at a time, with no HTTP, session or validation in between. Each client owns
 * its own experts, so every save is based on the revision it last got and none conflicts.
 */
export function runSaveFunctionBaseline(options: {
  databaseUrl: string;
  clients: number;
  seconds: number;
  expertIds: string[];
  instrumentId: string;
  versionId: string;
  items: Array<{ code: string; kind: TItemKind }>;
}): Promise<TBaselineResult> {
  return runBareLoop(options, (client, index) => {
    const own = options.expertIds.filter((_, j) => j % options.clients === index);
    const revisions = new Map<string, number>();
    return async () => {
      const item = options.items[randomInt(options.items.length)]!;
      const expertId = own[randomInt(own.length)]!;
      const key = `${expertId}:${item.code}`;
      const { rows } = await client.query<{ outcome: string; revision: number }>({
        name: "bench-save-answer",
        text: `SELECT * FROM "save_answer"($1::uuid, $2::uuid, $3::uuid, '{}'::jsonb, $4, $5::integer, $6::uuid, $7::jsonb)`,
        values: [expertId, options.instrumentId, options.versionId, item.code, revisions.get(key) ?? 0, randomUUID(), JSON.stringify(randomValue(item.kind, item.code))],
      });
      const row = rows[0];
      if (row?.outcome !== "saved" && row?.outcome !== "conflict") throw new Error(String(row?.outcome));
      // A conflict: written before by the upsert baseline; go on from the stored revision, uncounted.
      revisions.set(key, row.revision);
      return row.outcome === "saved";
    };
  });
}
