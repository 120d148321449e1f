import { randomBytes, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext, APIResponse, Browser } from "@playwright/test";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { issueInvitation } from "@/lib/auth/invitations";
import { seedCodebook } from "@/lib/codebook/seed";
import { createInstrumentWith } from "@/lib/instrument/create";
import { ZGuide, ZQuestionnaire } from "@/lib/instrument/definition";
import { addExpert } from "@/lib/panel/experts";
import { createStaffAccount } from "@/lib/users/accounts";
import { DEMO_CONSENT } from "@/prisma/seed/demo";
import { eaeuCodebook } from "@/prisma/seed/eaeu/codebook";
import { eaeuGuide } from "@/prisma/seed/eaeu/guide";
import { eaeuQuestionnaire } from "@/prisma/seed/eaeu/questionnaire";
import { PAGES, ROUTES, type TCall, type TMethod, type TRole, type TWorld } from "./authz-matrix";
import { expect, signInAsExpert, signInAsStaff, test, type TExpert } from "./fixtures";

const APP = path.join(__dirname, "..", "app");
const ROOTS = ["app", "components", "lib"].map((d) => path.join(__dirname, "..", d));
const METHODS: TMethod[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];
type TCaller = TRole | "ANONYMOUS";
const CALLERS: TCaller[] = ["ANONYMOUS", "EXPERT", "INTERVIEWER", "COORDINATOR"];

function walk(dir: string, visit: (file: string) => void): void {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, visit);
    else visit(full);
  }
}

/** "/api/quotes/[quoteId]" for app/api/quotes/[quoteId]/route.ts; (group) folders are not part of the URL. */
const urlPath = (file: string) =>
  `/${path
    .relative(APP, path.dirname(file))
    .split(path.sep)
    .filter((s) => s && !/^\(.*\)$/.test(s))
    .join("/")}`;

/** Every route handler under app/api with the HTTP methods its file exports. */
export function apiRoutes(): Map<string, TMethod[]> {
  const routes = new Map<string, TMethod[]>();
  walk(path.join(APP, "api"), (file) => {
    if (!/\/route\.(ts|tsx|js)$/.test(file)) return;
    const source = readFileSync(file, "utf8");
    const reexported = [...source.matchAll(/export\s*\{([^}]*)\}/g)].flatMap((m) => m[1]!.split(",").map((p) => p.trim().split(/\s+as\s+/).pop()!));
    routes.set(
      urlPath(file),
      METHODS.filter((m) => new RegExp(`export\\s+(const|(async\\s+)?function)\\s+${m}\\b`).test(source) || reexported.includes(m)),
    );
  });
  return routes;
}

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

const fill = (template: string, params: Record<string, string> = {}) =>
  template.replace(/\[(?:\.\.\.)?(\w+)\]/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${template}: no value for [${name}]`);
    return encodeURIComponent(value);
  });

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

// ─────────────────────────────────────────────────────────── the world the calls act on

const unique = () => `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;

async function buildWorld(prisma: PrismaClient, interviewerId: string): Promise<{ world: TWorld; expert: TExpert }> {
  const study = await prisma.study.create({
    data: { slug: `authz-${unique()}`, titleEn: "Authz study", titleRu: "Исследование", consentText: DEMO_CONSENT, consentVersion: 1 },
  });
  const studyId = study.id;
  const questionnaire = ZQuestionnaire.parse(eaeuQuestionnaire);
  const q = await prisma.$transaction((tx) => createInstrumentWith(tx, { studyId, kind: "questionnaire", name: "Questionnaire", definition: questionnaire, actorId: null, publish: true }));
  const guide = await prisma.$transaction(async (tx) => {
    const created = await createInstrumentWith(tx, { studyId, kind: "guide", name: "Guide", definition: ZGuide.parse(eaeuGuide), actorId: null, publish: true });
    await seedCodebook(tx, studyId, eaeuCodebook);
    return created;
  });
  const codeId = (await prisma.themeCode.findFirstOrThrow({ where: { studyId }, select: { id: true } })).id;
  const newExpert = () =>
    prisma.$transaction((tx) => addExpert(tx, { studyId, name: `Expert ${unique()}`, email: `authz-${unique()}@e2e.test`, country: "AM", expertGroup: "SCIENTIST", language: "en" }));
  const consented = async () => {
    const added = await newExpert();
    await prisma.consent.create({ data: { expertId: added.expertId, decision: "ACCEPTED", textVersion: 1, language: "en" } });
    return added;
  };
  const submitted = async (answer: string) => {
    const added = await consented();
    const response = await prisma.response.create({
      data: { expertId: added.expertId, instrumentId: q.instrumentId, versionId: q.versionId, status: "SUBMITTED", submittedAt: new Date(), optionOrder: {} },
    });
    await prisma.answer.create({ data: { responseId: response.id, itemCode: "Q10", value: { text: answer }, revision: 1, mutationId: randomUUID() } });
    return { ...added, responseId: response.id };
  };

  const secrets = { otherAnswer: `other expert's answer ${unique()}`, otherNote: `Other note ${unique()}`, otherQuote: "" };
  secrets.otherQuote = secrets.otherNote;
  const otherExpert = await submitted(secrets.otherAnswer);
  const otherInterviewer = await createStaffAccount(prisma, { email: `authz-i-${unique()}@e2e.test`, password: randomBytes(12).toString("base64url"), name: "Other interviewer", role: "INTERVIEWER", language: "en" });

  const interview = async (owner: string, text: string, status: "IN_PROGRESS" | "DONE" = "IN_PROGRESS") => {
    const now = new Date();
    const row = await prisma.interview.create({
      data: {
        expertId: otherExpert.expertId,
        interviewerId: owner,
        versionId: guide.versionId,
        plannedAt: now,
        mode: "VIDEO",
        status,
        consentAt: now,
        startedAt: now,
        finishedAt: status === "DONE" ? now : null,
        notes: { create: { questionCode: "B1_Q1", text, revision: 1, mutationId: randomUUID() } },
      },
    });
    const quote = await prisma.quote.create({ data: { interviewId: row.id, questionCode: "B1_Q1", start: 0, end: text.length, text } });
    return { id: row.id, quoteId: quote.id };
  };

  const expertRow = await consented();
  const { token } = await issueInvitation(prisma, { expertId: expertRow.expertId, issuedById: null, ttlDays: 14 });
  const world: TWorld = {
    studyId,
    questionnaireInstrumentId: q.instrumentId,
    questionnaireVersionId: q.versionId,
    guideVersionId: guide.versionId,
    codeId,
    expert: { expertId: expertRow.expertId, userId: expertRow.userId },
    otherExpert,
    interviewer: { id: interviewerId },
    interview: await interview(interviewerId, "Own note on the first question"),
    otherInterview: await interview(otherInterviewer.id, secrets.otherNote),
    secrets,
    make: {
      interview: (status) => interview(interviewerId, "Own note, made for one call", status),
      code: async () => (await prisma.themeCode.create({ data: { studyId, code: `T${unique()}`, nameRu: "Код", nameEn: "Code" } })).id,
      draft: async () => {
        const made = await prisma.$transaction((tx) => createInstrumentWith(tx, { studyId, kind: "questionnaire", name: `Draft ${unique()}`, definition: questionnaire, actorId: null, publish: true }));
        const draft = await prisma.instrumentVersion.create({ data: { instrumentId: made.instrumentId, number: 2, content: questionnaire as object } });
        return { instrumentId: made.instrumentId, versionId: draft.id, definition: questionnaire };
      },
      staff: async () =>
        (await createStaffAccount(prisma, { email: `authz-s-${unique()}@e2e.test`, password: randomBytes(12).toString("base64url"), name: "Staff", role: "INTERVIEWER", language: "en" })).id,
      submittedResponse: async () => (await submitted("answer")).responseId,
      unique,
    },
  };
  return { world, expert: { ...expertRow, token, link: `/invite/${token}` } };
}

/** One API client per caller: anonymous, and each role signed in through the real sign-in pages. */
async function callers(browser: Browser, world: TWorld, staff: Record<"INTERVIEWER" | "COORDINATOR", Parameters<typeof signInAsStaff>[1]>, expert: TExpert) {
  const baseURL = process.env.BASE_URL!;
  const clients = {} as Record<TCaller, APIRequestContext>;
  for (const who of CALLERS) {
    const context = await browser.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
    const page = await context.newPage();
    if (who === "EXPERT") await signInAsExpert(page, expert);
    else if (who !== "ANONYMOUS") {
      await signInAsStaff(page, staff[who]);
      await page.waitForURL(`**/${who.toLowerCase()}`);
    }
    await page.close();
    clients[who] = context.request;
  }
  void world;
  return clients;
}

function send(client: APIRequestContext, method: TMethod, route: string, call: TCall): Promise<APIResponse> {
  const url = `${fill(route, call.params)}${call.query ? `?${call.query}` : ""}`;
  return client.fetch(url, { method, maxRedirects: 0, ...(call.body !== undefined ? { data: call.body } : {}) });
}

test("the authorization matrix: each API route refuses every caller it must refuse, on their own and on other people's objects, and serves the allowed one", async ({
  browser,
  prisma,
  makeStaff,
}) => {
  test.setTimeout(240_000);
  const [interviewer, coordinator] = await Promise.all([makeStaff("INTERVIEWER"), makeStaff("COORDINATOR")]);
  const { world, expert } = await buildWorld(prisma, interviewer.id);
  const client = await callers(browser, world, { INTERVIEWER: interviewer, COORDINATOR: coordinator }, expert);
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
        const res = await send(client[who], method, route, await rule.call(world, allowed[0] as TRole));
        const expected = who === "ANONYMOUS" ? [401] : [403, 404];
        check(expected.includes(res.status()), `${label} as ${who}: ${res.status()} (expected ${expected.join("/")})`);
      }
      // Allowed callers on someone else's object.
      for (const [who, foreign] of Object.entries(rule.foreign ?? {}) as Array<[TRole, (w: TWorld) => TCall | Promise<TCall>]>) {
        const res = await send(client[who], method, route, await foreign(world));
        check([403, 404].includes(res.status()), `${label} as ${who} on another's object: ${res.status()} (expected 403/404)`);
      }
      // Allowed callers on their own: served, and never with other people's data.
      for (const who of allowed) {
        const res = await send(client[who], method, route, await rule.call(world, who));
        const body = await res.text();
        check(res.status() === (rule.ok ?? 200), `${label} as ${who}: ${res.status()} (expected ${rule.ok ?? 200}) ${body.slice(0, 200)}`);
        for (const secret of rule.hidden?.[who as TRole]?.(world) ?? []) check(!body.includes(secret), `${label} as ${who} shows another's data (${secret})`);
      }
    }
  }
  // The refused writes changed nothing of other people's.
  const other = await prisma.interview.findUniqueOrThrow({ where: { id: world.otherInterview.id }, include: { notes: true, quotes: true } });
  expect(other.status).toBe("IN_PROGRESS");
  expect(other.notes.map((n) => n.text)).toEqual([world.secrets.otherNote]);
  expect(other.quotes).toHaveLength(1);
  expect(failures).toEqual([]);
});

test("the authorization matrix of pages: each role area serves its role, sends anonymous visitors to sign in and is a 404 for everyone else", async ({ browser, prisma, makeStaff }) => {
  test.setTimeout(120_000);
  const [interviewer, coordinator] = await Promise.all([makeStaff("INTERVIEWER"), makeStaff("COORDINATOR")]);
  const { world, expert } = await buildWorld(prisma, interviewer.id);
  const client = await callers(browser, world, { INTERVIEWER: interviewer, COORDINATOR: coordinator }, expert);
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
      } else if (who === "ANONYMOUS") {
        if (!(status >= 300 && status < 400 && /\/(signin|invite)\b/.test(location))) failures.push(`${url} anonymous: ${status} ${location}`);
      } else if (status !== 404) failures.push(`${url} as ${who}: ${status} (expected 404)`);
    }
    if (rule.foreign) {
      const res = await client[rule.role].get(fill(page, rule.foreign(world)), { maxRedirects: 0 });
      if (res.status() !== 404) failures.push(`${page} as ${rule.role} on another's object: ${res.status()} (expected 404)`);
      expect(await res.text()).not.toContain(world.secrets.otherNote);
    }
  }
  expect(failures).toEqual([]);
});
