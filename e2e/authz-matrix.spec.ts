import { readFileSync } from "node:fs";
import path from "node:path";
import { PAGES, ROUTES, type TCall, type TMethod, type TRole, type TWorld } from "./authz-matrix";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { APP_DIR as APP, apiRoutes, urlPath, walk } from "@/lib/testing/app-routes";
import { CALLERS, buildWorld, callers, fill, send, type TCaller } from "./authz-world";
import { expect, test, type TStaff } from "./fixtures";

const ROOTS = ["app", "components", "lib"].map((d) => path.join(__dirname, "..", d));

/** Every page of the role areas (app/(expert), app/(interviewer), app/(coordinator)). */
function rolePages(): string[] {
  const pages: string[] = [];
  for (const group of ["(expert)", "(interviewer)", "(coordinator)"]) {
    walk(path.join(APP, group), (file) => {
      if (/\/page\.tsx$/.test(file)) pages.push(urlPath(file));
    });
  }
  return pages.sort();
}

test("every API route, method and role page is in the authorization matrix, and there are no server actions it misses", () => {
  const missing: string[] = [];
  for (const [route, methods] of apiRoutes()) {
    for (const method of methods) if (!ROUTES[route]?.[method]) missing.push(`${method} ${route}`);
  }
  for (const page of rolePages()) if (!PAGES[page]) missing.push(`page ${page}`);
  expect(missing, "add these to e2e/authz-matrix.ts (see the format at its top)").toEqual([]);

  const stale: string[] = [];
  const routes = apiRoutes();
  for (const [route, rules] of Object.entries(ROUTES)) {
    for (const method of Object.keys(rules)) if (!routes.get(route)?.includes(method as TMethod)) stale.push(`${method} ${route}`);
  }
  for (const page of Object.keys(PAGES)) if (!rolePages().includes(page)) stale.push(`page ${page}`);
  expect(stale, "entries of e2e/authz-matrix.ts whose route or page is gone").toEqual([]);

  const actions: string[] = [];
  for (const root of ROOTS) {
    walk(root, (file) => {
      if (/\.(ts|tsx)$/.test(file) && !file.includes(`${path.sep}generated${path.sep}`) && /^\s*["']use server["']/m.test(readFileSync(file, "utf8"))) actions.push(path.relative(APP, file));
    });
  }
  expect(actions, "server actions are not covered by the authorization matrix: use a route handler, or extend the matrix").toEqual([]);
});

/**
 * The callers' study (they are on its team; the coordinator is also the installation's
 * administrator), and another team's study where the interviewer still has interviews of their own
 * but neither caller is on the team: nothing of it may be reachable.
 */
async function twoStudies(prisma: PrismaClient, makeStaff: (role: "COORDINATOR" | "INTERVIEWER", o?: { studyIds?: string[] }) => Promise<TStaff>) {
  const [interviewer, coordinator] = await Promise.all([makeStaff("INTERVIEWER", { studyIds: [] }), makeStaff("COORDINATOR", { studyIds: [] })]);
  const team = [
    { id: coordinator.id, role: "COORDINATOR" as const },
    { id: interviewer.id, role: "INTERVIEWER" as const },
  ];
  const { world, expert } = await buildWorld(prisma, interviewer.id, team);
  const { world: other } = await buildWorld(prisma, interviewer.id, []);
  const texts = [other.secrets.otherAnswer, other.secrets.otherNote, other.secrets.ownNote, other.secrets.title];
  const otherTexts = [...texts, other.interview.id, other.otherInterview.id];
  return { interviewer, coordinator, world, expert, other: { ...other, texts }, otherTexts };
}

const STAFF_ROLES = new Set<TCaller>(["INTERVIEWER", "COORDINATOR"]);
const mentions = (call: TCall, ids: Set<string>) => [...JSON.stringify(call).matchAll(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi)].some((m) => ids.has(m[0]));

test("the authorization matrix: each API route refuses every caller it must refuse, on their own and on other people's objects, and serves the allowed one", async ({
  browser,
  prisma,
  makeStaff,
}) => {
  test.setTimeout(360_000);
  const { interviewer, coordinator, world, expert, other: otherStudy, otherTexts } = await twoStudies(prisma, makeStaff);
  const client = await callers(browser, process.env.BASE_URL!, { INTERVIEWER: interviewer, COORDINATOR: coordinator }, expert);
  const theirExperts = await prisma.expert.findMany({ where: { studyId: otherStudy.studyId }, orderBy: { id: "asc" } });
  const failures: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) failures.push(what);
  };

  for (const [route, rules] of Object.entries(ROUTES)) {
    for (const [method, rule] of Object.entries(rules) as Array<[TMethod, NonNullable<(typeof rules)[TMethod]>]>) {
      const allowed: TCaller[] = rule.allow === "anyone" ? CALLERS : [...rule.allow];
      const label = `${method} ${route}`;
      // Callers who must not reach it at all, making the allowed role's own request.
      for (const who of CALLERS.filter((c) => !allowed.includes(c))) {
        const res = await send(client[who], method, route, await rule.call(world, allowed[0] as TRole), rule);
        const expected = who === "ANONYMOUS" ? [401] : [403, 404];
        check(expected.includes(res.status()), `${label} as ${who}: ${res.status()} (expected ${expected.join("/")})`);
      }
      // Allowed callers on someone else's object.
      for (const [who, foreign] of Object.entries(rule.foreign ?? {}) as Array<[TRole, (w: TWorld) => TCall | Promise<TCall>]>) {
        const res = await send(client[who], method, route, await foreign(world), rule);
        check([403, 404].includes(res.status()), `${label} as ${who} on another's object: ${res.status()} (expected 403/404)`);
      }
      // Allowed staff on another team's study: the same request on its objects is refused.
      if (rule.allow !== "anyone") {
        for (const who of allowed.filter((c) => STAFF_ROLES.has(c))) {
          const call = await rule.call(otherStudy, who as TRole);
          if (!mentions(call, otherStudy.ids)) continue;
          const res = await send(client[who], method, route, call, rule);
          check([403, 404].includes(res.status()), `${label} as ${who} on another team's study: ${res.status()} (expected 403/404)`);
        }
      }
      // Allowed callers on their own: served, and never with other people's data.
      for (const who of allowed) {
        const res = await send(client[who], method, route, await rule.call(world, who), rule);
        const body = await res.text();
        check(res.status() === (rule.ok ?? 200), `${label} as ${who}: ${res.status()} (expected ${rule.ok ?? 200}) ${body.slice(0, 200)}`);
        for (const secret of rule.hidden?.[who as TRole]?.(world) ?? []) check(!body.includes(secret), `${label} as ${who} shows another's data (${secret})`);
        if (STAFF_ROLES.has(who)) for (const text of otherTexts) check(!body.includes(text), `${label} as ${who} shows another team's study (${text})`);
      }
    }
  }
  // The refused writes changed nothing of other people's.
  const other = await prisma.interview.findUniqueOrThrow({ where: { id: world.otherInterview.id }, include: { notes: true, quotes: true } });
  expect(other.status).toBe("IN_PROGRESS");
  expect(other.notes.map((n) => n.text)).toEqual([world.secrets.otherNote]);
  expect(other.quotes).toHaveLength(1);
  // ...nor anything of the other team's study, not even the interviewer's own interview there.
  const theirs = await prisma.interview.findUniqueOrThrow({ where: { id: otherStudy.interview.id }, include: { notes: true, quotes: true } });
  expect(theirs.status).toBe("IN_PROGRESS");
  expect(theirs.notes.map((n) => n.text)).toEqual([otherStudy.secrets.ownNote]);
  expect(theirs.quotes).toHaveLength(1);
  expect(await prisma.expert.findMany({ where: { id: { in: theirExperts.map((e) => e.id) } }, orderBy: { id: "asc" } })).toEqual(theirExperts);
  expect(failures).toEqual([]);
});

test("the authorization matrix of pages: each role area serves its role, sends anonymous visitors to sign in and is a 404 for everyone else", async ({ browser, prisma, makeStaff }) => {
  test.setTimeout(180_000);
  const { interviewer, coordinator, world, expert, other: otherStudy, otherTexts } = await twoStudies(prisma, makeStaff);
  const client = await callers(browser, process.env.BASE_URL!, { INTERVIEWER: interviewer, COORDINATOR: coordinator }, expert);
  const failures: string[] = [];
  for (const [page, rule] of Object.entries(PAGES)) {
    const url = fill(page, rule.params?.(world));
    for (const who of CALLERS) {
      const res = await client[who].get(url, { maxRedirects: 0 });
      const location = res.headers()["location"] ?? "";
      const status = res.status();
      if (who === rule.role) {
        // Served, or sent on within its own area (the thanks page before submitting goes back to the questionnaire).
        const ok = status === 200 || (status >= 300 && status < 400 && new URL(location, process.env.BASE_URL).pathname.startsWith(`/${who.toLowerCase()}`));
        if (!ok) failures.push(`${url} as ${who}: ${status} ${location}`);
        const body = await res.text();
        for (const text of otherTexts) if (body.includes(text)) failures.push(`${url} as ${who} shows another team's study (${text})`);
      } else if (who === "ANONYMOUS") {
        if (!(status >= 300 && status < 400 && /\/(signin|invite)\b/.test(location))) failures.push(`${url} anonymous: ${status} ${location}`);
      } else if (status !== 404) failures.push(`${url} as ${who}: ${status} (expected 404)`);
    }
    // Another team's study: its objects, and its id as the page's study, are not found.
    const theirs = [...(rule.params ? [fill(page, rule.params(otherStudy))] : []), ...(rule.study ? [`${url}?study=${otherStudy.studyId}`] : [])];
    for (const foreignUrl of theirs) {
      const res = await client[rule.role].get(foreignUrl, { maxRedirects: 0 });
      if (res.status() !== 404) failures.push(`${foreignUrl} as ${rule.role} (another team's study): ${res.status()} (expected 404)`);
      // (Its own id is in the address the 404 page echoes; the texts are what must not leak.)
      for (const text of otherStudy.texts) if ((await res.text()).includes(text)) failures.push(`${foreignUrl} as ${rule.role} shows another team's study (${text})`);
    }
    if (rule.foreign) {
      const res = await client[rule.role].get(fill(page, rule.foreign(world)), { maxRedirects: 0 });
      if (res.status() !== 404) failures.push(`${page} as ${rule.role} on another's object: ${res.status()} (expected 404)`);
      expect(await res.text()).not.toContain(world.secrets.otherNote);
    }
  }
  expect(failures).toEqual([]);
});
