import fc from "fast-check";
import { randomBytes } from "node:crypto";
import type { APIRequestContext, Browser } from "@playwright/test";
import { createPrismaClient } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createScratchDatabase } from "@/lib/testing/db";
import { createStaffAccount } from "@/lib/users/accounts";
import { freePort } from "@/scripts/lib/net";
import { startNextServer, stopChild, waitForHealthy } from "@/scripts/lib/server";
import { PAGES, ROUTES, type TMethod, type TRole, type TWorld } from "./authz-matrix";
import { CALLERS, buildWorld, callers, fill, send, type TCaller } from "./authz-world";
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
  if (Array.isArray(value)) {
    // An array of the other element type: numbers where the valid array holds anything else, strings where it holds numbers.
    const otherElements = typeof value[0] === "number" ? fc.array(fc.string({ maxLength: 5 }), { minLength: 1, maxLength: 3 }) : fc.array(fc.integer(), { minLength: 1, maxLength: 3 });
    return fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), obj, otherElements);
  }
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

/** The app on a database of its own (nobody else writes there), with the matrix's world and signed-in callers. */
async function withOwnApp(browser: Browser, run: (app: { prisma: PrismaClient; world: TWorld; client: Record<TCaller, APIRequestContext> }) => Promise<void>) {
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
    await run({ prisma, world, client });
  } finally {
    await stopChild(server);
    await prisma.$disconnect();
    await scratch.drop();
  }
}

test("malformed, mistyped, empty, huge and oversized bodies to every endpoint that takes one get a clear 4xx and write nothing", async ({ browser }) => {
  test.setTimeout(300_000);
  await withOwnApp(browser, async ({ prisma, world, client }) => {
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
  });
});

// ── Odd characters: full Unicode, NUL and unpaired surrogates in every text field

/** Characters PostgreSQL cannot store (lib/http/text-input.ts): the app must refuse them with a 400 naming the field. */
const UNSTORABLE = ["\u0000", "\ud800", "\udbff", "\udc00", "\udfff", "\ud83d"];
const unstorable = (s: string) => s.includes("\u0000") || !s.isWellFormed();

/** Any text: every code point (astral, private use, noncharacters, controls), with NUL and lone surrogates mixed in. */
const oddText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.array(fc.oneof(fc.string({ unit: "binary", maxLength: 6 }), fc.constantFrom(...UNSTORABLE, "\ufffe", "\uffff", "\u200b", "\u202e", "\ud83d\udc4b")), { minLength: 1, maxLength: 8 }).map((parts) => parts.join("")),
  fc.constantFrom(...UNSTORABLE).map((c) => `name${c}`),
);

/** The path (zod's "a.0.b") of every string in a JSON value. */
function stringPaths(value: unknown, path: string[] = []): string[][] {
  if (typeof value === "string") return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringPaths(v, [...path, String(i)]));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...path, k]));
  return [];
}

function withText(value: unknown, path: string[], text: string): unknown {
  if (path.length === 0) return text;
  const [head, ...rest] = path as [string, ...string[]];
  if (Array.isArray(value)) return value.map((v, i) => (String(i) === head ? withText(v, rest, text) : v));
  return { ...(value as Record<string, unknown>), [head]: withText((value as Record<string, unknown>)[head], rest, text) };
}

/**
 * Text as it goes into an address: percent-encoded UTF-8, and an unpaired surrogate as the three
 * bytes WTF-8 gives it (no valid UTF-8 can carry one; this is what a client can send instead).
 */
function urlEncode(text: string): string {
  let out = "";
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0xd800 && cp <= 0xdfff) out += [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join("");
    else out += encodeURIComponent(ch);
  }
  return out;
}

/** Every query parameter the app reads anywhere (the schemas in lib/, lib/aggregates/types.ts), and one it does not. */
const QUERY_NAMES = ["q", "studyId", "study", "country", "group", "status", "track", "sort", "dir", "code", "block", "lang", "format", "version", "item", "by", "error", "callbackUrl", "unknown"];
const oddQuery = fc.uniqueArray(fc.tuple(fc.constantFrom(...QUERY_NAMES), oddText), { minLength: 1, maxLength: 3, selector: ([name]) => name });

async function expectNo500(res: { status: () => number; text: () => Promise<string> }, label: string, text: string | null, where?: string): Promise<void> {
  const status = res.status();
  const body = await res.text();
  expect(status, `${label}: ${body.slice(0, 300)}`).toBeLessThan(500);
  if (text !== null && unstorable(text)) {
    // Refused by the one rule, naming where the character was.
    expect(status, `${label}: ${body.slice(0, 300)}`).toBe(400);
    if (where !== undefined) expect((JSON.parse(body) as { error: { message: string } }).error.message, label).toContain(where);
  }
}

test("full-Unicode text, NUL and unpaired surrogates included, in every text field of every endpoint (body, query, path) and page query never answers 500", async ({ browser }) => {
  test.setTimeout(600_000);
  await withOwnApp(browser, async ({ world, client }) => {
    let fields = 0;
    for (const [route, rules] of Object.entries(ROUTES)) {
      if (route.startsWith("/api/auth/")) continue; // next-auth's own form endpoints (nothing they read is stored)
      for (const [method, rule] of Object.entries(rules) as Array<[TMethod, NonNullable<(typeof rules)[TMethod]>]>) {
        if (rule.stream) continue;
        const who: TCaller = rule.allow === "anyone" ? CALLERS[0]! : (rule.allow[0] as TRole);
        const call = await rule.call(world, who as TRole);
        const label = `${method} ${route} as ${who}`;

        // Every string of the body, one at a time.
        const paths = call.body && typeof call.body === "object" ? stringPaths(call.body) : [];
        fields += paths.length;
        if (paths.length) {
          await fc.assert(
            fc.asyncProperty(fc.constantFrom(...paths), oddText, async (path, text) => {
              const body = withText(call.body, path, text);
              const res = await client[who].fetch(`${fill(route, call.params)}${call.query ? `?${call.query}` : ""}`, { method, data: JSON.stringify(body), headers: { "content-type": "application/json" }, maxRedirects: 0 });
              await expectNo500(res, `${label}, ${path.join(".")} = ${JSON.stringify(text)}`, text, `"${path.join(".")}"`);
            }),
            { numRuns: Math.min(40, 8 + paths.length * 2) },
          );
        }

        // The query string, and each path parameter.
        await fc.assert(
          fc.asyncProperty(oddQuery, async (pairs) => {
            const query = [call.query, ...pairs.map(([k, v]) => `${k}=${urlEncode(v)}`)].filter(Boolean).join("&");
            const res = await send(client[who], method, route, { ...call, query, body: call.body });
            const bad = pairs.find(([, v]) => v.includes("\u0000"));
            await expectNo500(res, `${label} ?${query.slice(0, 120)}`, bad ? bad[1] : null, bad ? `"${bad[0]}"` : undefined);
          }),
          { numRuns: 6 },
        );
        for (const name of Object.keys(call.params ?? {})) {
          await fc.assert(
            fc.asyncProperty(oddText, async (text) => {
              const url = fill(route, { ...call.params, [name]: "PLACEHOLDER" }).replace("PLACEHOLDER", urlEncode(text));
              const res = await client[who].fetch(url, { method, maxRedirects: 0, ...(call.body !== undefined ? { data: call.body } : {}) });
              await expectNo500(res, `${label}, [${name}] = ${JSON.stringify(text)}`, text.includes("\u0000") ? text : null);
            }),
            { numRuns: 4 },
          );
        }
      }
    }
    expect(fields, "string fields fuzzed").toBeGreaterThanOrEqual(40);

    // Pages read their query strings too (the panel's search, filters, the sign-in page's error).
    const pages: Record<string, { role: TCaller; params?: (w: TWorld) => Record<string, string> }> = { ...PAGES, "/signin": { role: "ANONYMOUS" }, "/invite": { role: "ANONYMOUS" } };
    for (const [template, rule] of Object.entries(pages)) {
      const params = rule.params?.(world) ?? {};
      const path = template.replace(/\[(\w+)\]/g, (_, name: string) => encodeURIComponent(params[name]!));
      await fc.assert(
        fc.asyncProperty(oddQuery, async (pairs) => {
          const url = `${path}?${[`study=${world.studyId}`, ...pairs.map(([k, v]) => `${k}=${urlEncode(v)}`)].join("&")}`;
          const res = await client[rule.role].fetch(url, { maxRedirects: 0 });
          const bad = pairs.find(([, v]) => v.includes("\u0000"));
          await expectNo500(res, `page ${url.slice(0, 150)}`, bad ? bad[1] : null);
        }),
        { numRuns: 5 },
      );
    }
  });
});
