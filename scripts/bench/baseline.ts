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

export async function runUpsertBaseline(options: {
  databaseUrl: string;
  clients: number;
  seconds: number;
  responseIds: string[];
  items: Array<{ code: string; kind: TItemKind }>;
}): Promise<TBaselineResult> {
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
      clients.map(async (client) => {
        while (performance.now() < deadline) {
          const item = options.items[randomInt(options.items.length)]!;
          const responseId = options.responseIds[randomInt(options.responseIds.length)]!;
          const t = performance.now();
          try {
            await client.query({ name: "bench-upsert", text: UPSERT_SQL, values: [responseId, item.code, JSON.stringify(randomValue(item.kind, item.code)), randomUUID()] });
            latencies.push(performance.now() - t);
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
