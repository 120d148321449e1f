import fc from "fast-check";
import { randomBytes } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { createPrismaClient } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createScratchDatabase } from "@/lib/testing/db";
import { createStaffAccount } from "@/lib/users/accounts";
import { freePort } from "@/scripts/lib/net";
import { startNextServer, stopChild, waitForHealthy } from "@/scripts/lib/server";
import { ROUTES, type TMethod, type TRole } from "./authz-matrix";
import { CALLERS, buildWorld, callers, fill } from "./authz-world";
import { expect, test } from "./fixtures";

const LIMIT = 256 * 1024;
/** Tables every request may touch: the session's "last seen" and sign-in throttling. */
const VOLATILE = new Set(["AuthSession", "RateLimit"]);

/**
 * A fingerprint of every row of every table: equal before and after means nothing was written,
 * changed or deleted. The test runs its own app on its own database, so nobody else writes there.
 */
async function fingerprint(prisma: PrismaClient): Promise<Record<string, string>> {
  const tables = await prisma.$queryRaw<Array<{ name: string }>>`
    SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`;
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    if (VOLATILE.has(name)) continue;
    const [row] = await prisma.$queryRawUnsafe<Array<{ n: bigint; h: string | null }>>(
      `SELECT count(*) AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS h FROM "${name}" t`,
    );
    out[name] = `${row!.n}:${row!.h ?? ""}`;
  }
  return out;
}

/** A JSON value of another type than `value` has, so a field holding it can never be valid. */
function wrongType(value: unknown): fc.Arbitrary<unknown> {
  const obj = fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 });
  if (typeof value === "string") return fc.oneof(fc.integer(), fc.boolean(), fc.array(fc.integer(), { maxLength: 3 }), obj);
  if (typeof value === "number") return fc.oneof(fc.string({ maxLength: 10 }), fc.boolean(), fc.array(fc.integer(), { maxLength: 3 }), obj);
  if (typeof value === "boolean") return fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), obj);
  if (Array.isArray(value)) return fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), obj, fc.array(fc.integer(), { minLength: 1, maxLength: 3 }));
  return fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean(), fc.array(fc.integer(), { maxLength: 3 }));
}

/** Request bodies that must all be refused: not JSON, not an object, a field of the wrong type, no fields, a huge string. */
function malformedBody(valid: Record<string, unknown>): fc.Arbitrary<string> {
  const keys = Object.keys(valid);
  const notJson = fc.string({ maxLength: 40 }).map((s) => `{${s}`).filter((s) => {
    try {
      JSON.parse(s);
      return false;
    } catch {
      return true;
    }
  });
  const notObject = fc.oneof(fc.integer(), fc.string({ maxLength: 20 }), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 })).map((v) => JSON.stringify(v));
  const wrongField = fc.constantFrom(...keys).chain((k) => wrongType(valid[k]).map((v) => JSON.stringify({ ...valid, [k]: v })));
  const stringKeys = keys.filter((k) => typeof valid[k] === "string");
  const huge = fc
    .tuple(fc.constantFrom(...(stringKeys.length ? stringKeys : keys)), fc.integer({ min: 100_001, max: 250_000 }))
    .map(([k, n]) => JSON.stringify({ ...valid, [k]: "x".repeat(n) }));
  return fc.oneof(notJson, notObject, wrongField, fc.constant("{}"), huge);
}

async function expectClearRefusal(client: APIRequestContext, method: TMethod, url: string, body: string, label: string): Promise<number> {
  const res = await client.fetch(url, { method, data: body, headers: { "content-type": "application/json" }, maxRedirects: 0 });
  const status = res.status();
  const text = await res.text();
  expect(status, `${label}: ${text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(status, `${label}: ${text.slice(0, 300)}`).toBeLessThan(500);
  expect([401, 403], `${label}: the session is valid`).not.toContain(status);
  const json = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
  expect(typeof json.error?.message === "string" && json.error.message.length > 0, `${label}: a JSON error with a message`).toBe(true);
  return status;
}

test("malformed, mistyped, empty, huge and oversized bodies to every endpoint that takes one get a clear 4xx and write nothing", async ({ browser }) => {
  test.setTimeout(300_000);
  const scratch = await createScratchDatabase({ migrated: true });
  const prisma = createPrismaClient({ url: scratch.url, max: 3, connectionTimeoutMs: 5_000, statementTimeoutMs: 15_000 });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = startNextServer({ port, host: "127.0.0.1", env: { ...process.env, DATABASE_URL: scratch.url, NEXTAUTH_URL: base }, quiet: true });
  try {
    await waitForHealthy(base, server);
    const staff = async (role: "INTERVIEWER" | "COORDINATOR") => {
      const s = { email: `${role.toLowerCase()}-${randomBytes(4).toString("hex")}@e2e.test`, password: randomBytes(12).toString("base64url"), name: role, role, language: "en" as const };
      return { ...s, id: (await createStaffAccount(prisma, { ...s, isAdmin: role === "COORDINATOR" })).id };
    };
    const [interviewer, coordinator] = [await staff("INTERVIEWER"), await staff("COORDINATOR")];
    const { world, expert } = await buildWorld(prisma, interviewer.id, [coordinator, interviewer]);
    const client = await callers(browser, base, { INTERVIEWER: interviewer, COORDINATOR: coordinator }, expert);

    let endpoints = 0;
    for (const [route, rules] of Object.entries(ROUTES)) {
      if (route.startsWith("/api/auth/")) continue; // next-auth's own form endpoints
      for (const [method, rule] of Object.entries(rules) as Array<[TMethod, NonNullable<(typeof rules)[TMethod]>]>) {
        if (method === "GET") continue;
        const who = rule.allow === "anyone" ? CALLERS[0]! : (rule.allow[0] as TRole);
        const call = await rule.call(world, who);
        if (!call.body || typeof call.body !== "object") continue;
        endpoints++;
        const url = fill(route, call.params);
        const label = `${method} ${route} as ${who}`;
        const before = await fingerprint(prisma);
        await fc.assert(
          fc.asyncProperty(malformedBody(call.body as Record<string, unknown>), async (body) => {
            await expectClearRefusal(client[who], method, url, body, `${label} with ${body.slice(0, 80)}`);
          }),
          { numRuns: 20 },
        );
        // Over the size limit, even as otherwise valid JSON: 413 before anything is parsed.
        const oversized = JSON.stringify({ ...(call.body as object), padding: "x".repeat(LIMIT + 10) });
        expect(await expectClearRefusal(client[who], method, url, oversized, `${label} oversized`)).toBe(413);
        expect(await fingerprint(prisma), `${label}: nothing written`).toEqual(before);
      }
    }
    expect(endpoints).toBeGreaterThanOrEqual(15);
  } finally {
    await stopChild(server);
    await prisma.$disconnect();
    await scratch.drop();
  }
});
