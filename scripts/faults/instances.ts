import { randomBytes, randomUUID } from "node:crypto";
import http from "node:http";
import pg from "pg";
import { createPrismaClient } from "@/lib/db/client";
import { createStaffAccount } from "@/lib/users/accounts";
import { closedLoop, type ExpertPanel } from "../bench/load";
import { randomValue } from "../bench/values";
import { int } from "../bench/stats";
import type { TApp, TCluster } from "./cluster";
import { check, phaseLine, preparePanel, storedAnswerChecks, type TCheck, type TScenario } from "./common";

/**
 * Two app instances (`next start` on two ports) against one database, as behind a load balancer
 * (both with the same public NEXTAUTH_URL): state that must be shared lives in PostgreSQL, not in
 * either process.
 */

const cookieOf = (res: Response, name: string) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.startsWith(`${name}=`) && c.length > name.length + 1) ?? null;

/** next-auth's CSRF token and the cookie that goes with it, from one instance. */
async function csrf(app: TApp, cookie = ""): Promise<{ token: string; cookie: string }> {
  const res = await fetch(`${app.baseUrl}/api/auth/csrf`, { headers: cookie ? { cookie } : {} });
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { token: csrfToken, cookie: cookieOf(res, "next-auth.csrf-token") ?? "" };
}

/** The password sign-in the form makes: the session cookie, or the error next-auth redirects with. */
async function signIn(app: TApp, email: string, password: string): Promise<{ session: string | null; error: string | null }> {
  const token = await csrf(app);
  const res = await fetch(`${app.baseUrl}/api/auth/callback/password`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: token.cookie, origin: app.origin },
    body: new URLSearchParams({ email, password, csrfToken: token.token, json: "true" }),
  });
  const { url } = (await res.json().catch(() => ({}))) as { url?: string };
  const error = url ? new URL(url, app.baseUrl).searchParams.get("error") : `HTTP ${res.status}`;
  return { session: cookieOf(res, "next-auth.session-token"), error };
}

async function signOut(app: TApp, session: string): Promise<number> {
  const token = await csrf(app, session);
  const res = await fetch(`${app.baseUrl}/api/auth/signout`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: `${session}; ${token.cookie}`, origin: app.origin },
    body: new URLSearchParams({ csrfToken: token.token, json: "true" }),
  });
  return res.status;
}

const usersStatus = async (app: TApp, session: string) => (await fetch(`${app.baseUrl}/api/coordinator/users`, { headers: { cookie: session } })).status;

async function makeCoordinator(cluster: TCluster): Promise<{ email: string; password: string }> {
  const prisma = createPrismaClient({ url: cluster.databaseUrl, max: 1, connectionTimeoutMs: 10_000, statementTimeoutMs: 30_000 });
  try {
    const email = `faults-${randomBytes(4).toString("hex")}@faults.test`;
    const password = randomBytes(12).toString("base64url");
    await createStaffAccount(prisma, { email, password, name: "Fault coordinator", role: "COORDINATOR", language: "en" });
    return { email, password };
  } finally {
    await prisma.$disconnect();
  }
}

async function sessionChecks(cluster: TCluster, a: TApp, b: TApp): Promise<TCheck[]> {
  const coordinator = await makeCoordinator(cluster);
  const { session, error } = await signIn(a, coordinator.email, coordinator.password);
  if (!session) return [check("a session created on A works on B", false, `sign-in on A failed: ${error}`)];
  const onB = await usersStatus(b, session);
  const signedOut = await signOut(b, session);
  const onAAfter = await usersStatus(a, session);
  return [
    check("a session created on A works on B", onB === 200, `GET /api/coordinator/users on B: ${onB}`),
    check("signing out on B ends the session on A", signedOut === 200 && onAAfter === 401, `sign-out on B: ${signedOut}; the same cookie on A: ${onAAfter}`),
  ];
}

/** Four failures on each instance: neither alone passes the five free failures, together they do. */
async function throttleChecks(cluster: TCluster, a: TApp, b: TApp): Promise<TCheck[]> {
  const coordinator = await makeCoordinator(cluster);
  const failures: string[] = [];
  for (const app of [a, a, a, a, b, b, b, b]) failures.push((await signIn(app, coordinator.email, "wrong-password-123")).error ?? "signed in");
  const onB = await signIn(b, coordinator.email, coordinator.password);
  const onA = await signIn(a, coordinator.email, coordinator.password);
  // Leave no block behind for the next scenario (every client here shares the one "direct" address key).
  const client = new pg.Client({ connectionString: cluster.databaseUrl });
  await client.connect();
  await client.query('DELETE FROM "RateLimit"').finally(() => client.end());
  return [
    check(
      "sign-in failures on A and B count together: the right password is then refused on both",
      failures.every((f) => f === "CredentialsSignin" || f === "throttled") && onB.error === "throttled" && !onB.session && onA.error === "throttled" && !onA.session,
      `failures answered ${[...new Set(failures)].join(", ")}; then the right password on B: ${onB.error ?? "signed in"}, on A: ${onA.error ?? "signed in"}`,
    ),
  ];
}

/**
 * Opens the coordinators' live stream on `app` and resolves with the topics of the `change` events
 * that arrive within `waitMs` after `act` ran (called once the stream said it is ready).
 */
function liveTopics(app: TApp, studyId: string, session: string, act: () => Promise<void>, waitMs: number): Promise<{ status: number; topics: string[] }> {
  return new Promise((resolve, reject) => {
    const topics: string[] = [];
    const req = http.get(`${app.baseUrl}/api/coordinator/studies/${studyId}/live`, { headers: { cookie: session, accept: "text/event-stream" } }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        resolve({ status: res.statusCode ?? 0, topics });
        return;
      }
      let buffer = "";
      let ready = false;
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(message)?.[1];
          const data = /^data: (.*)$/m.exec(message)?.[1];
          if (event === "ready" && !ready) {
            ready = true;
            act().then(() => setTimeout(() => req.destroy(), waitMs), (error: unknown) => {
              req.destroy();
              reject(error);
            });
          } else if (event === "change" && data) {
            topics.push((JSON.parse(data) as { topic: string }).topic);
          }
        }
      });
      res.on("close", () => resolve({ status: 200, topics }));
    });
    req.on("error", (error) => (topics.length || (error as NodeJS.ErrnoException).code === "ECONNRESET" ? resolve({ status: 200, topics }) : reject(error)));
  });
}

async function liveChecks(cluster: TCluster, a: TApp, b: TApp, studyId: string, panel: ExpertPanel): Promise<TCheck[]> {
  const coordinator = await makeCoordinator(cluster);
  const { session, error } = await signIn(a, coordinator.email, coordinator.password);
  if (!session) return [check("an answer saved on A reaches a live stream on B", false, `sign-in failed: ${error}`)];
  let saved = 0;
  const item = panel.items[0]!;
  const { status, topics } = await liveTopics(
    b,
    studyId,
    session,
    async () => {
      const body = JSON.stringify({ mutationId: randomUUID(), versionId: panel.versionId, item: item.code, baseRevision: panel.revision[0], value: randomValue(item.kind, item.code) });
      saved = (await a.http.request("POST", "/api/expert/answers", { "content-type": "application/json", origin: a.origin, cookie: panel.cookies[0]! }, body)).status;
    },
    3_000,
  );
  return [check("an answer saved on A reaches a coordinator's live stream on B", status === 200 && saved === 200 && topics.includes("answers"), `stream on B: ${status}; save on A: ${saved}; events within 3 s: ${topics.join(", ") || "none"}`)];
}

export const twoInstances: TScenario = {
  name: "two app instances on one database",
  async run({ cluster, log }) {
    const a = await cluster.startApp("a");
    const b = await cluster.startApp("b", { publicUrl: a.baseUrl });
    log(`Instances A ${a.baseUrl} and B ${b.baseUrl}, both with NEXTAUTH_URL ${a.baseUrl}.`);
    const checks: TCheck[] = [];

    checks.push(...(await sessionChecks(cluster, a, b)));

    const { study, panel } = await preparePanel(cluster, "two-instances", 40);
    const load = await closedLoop({ label: "load over A and B", http: [a.http, b.http], origin: a.origin, panel, concurrency: 12, seconds: 6, requestTimeoutMs: 20_000, pauseMs: 40 });
    log(phaseLine(load));
    checks.push(
      check("autosave load spread over both instances: no failures, no conflicts", load.acked > 0 && load.errors === 0 && load.conflicts === 0, `${int(load.acked)} acknowledged, ${int(load.errors)} failures, ${int(load.conflicts)} conflicts`),
      ...(await storedAnswerChecks(cluster, study, panel)),
    );

    checks.push(...(await liveChecks(cluster, a, b, study.studyId, panel)));
    // TODO(jobs): once pg-boss jobs land on main (lib/jobs), check that a job enqueued while both
    // instances run is executed once.
    checks.push(...(await throttleChecks(cluster, a, b)));
    return checks;
  },
};
