import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import pg from "pg";
import { createPrismaClient } from "@/lib/db/client";
import { JOBS_SCHEMA } from "@/lib/jobs/runtime";
import { MESSAGE_QUEUES } from "@/lib/messaging/queues";
import { createStaffAccount } from "@/lib/users/accounts";
import { addBenchExperts, benchQuestionnaire, createBenchStudy } from "../bench/fixtures";
import { closedLoop, type ExpertPanel } from "../bench/load";
import { randomValue } from "../bench/values";
import { int } from "../bench/stats";
import type { TApp, TCluster } from "./cluster";
import { check, phaseLine, preparePanel, sleep, storedAnswerChecks, type TCheck, type TScenario } from "./common";

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

/** A coordinator (the administrator, for the accounts API) on the team of `studyIds`. */
async function makeCoordinator(cluster: TCluster, studyIds: string[] = []): Promise<{ id: string; email: string; password: string }> {
  const prisma = createPrismaClient({ url: cluster.databaseUrl, max: 1, connectionTimeoutMs: 10_000, statementTimeoutMs: 30_000 });
  try {
    const email = `faults-${randomBytes(4).toString("hex")}@faults.test`;
    const password = randomBytes(12).toString("base64url");
    const { id } = await createStaffAccount(prisma, { email, password, name: "Fault coordinator", role: "COORDINATOR", language: "en", isAdmin: true });
    await prisma.studyMember.createMany({ data: studyIds.map((studyId) => ({ studyId, userId: id, role: "COORDINATOR" as const })) });
    return { id, email, password };
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
  const coordinator = await makeCoordinator(cluster, [studyId]);
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

const INVITED = 30;
/** Each worker takes one send job per 2 s poll: 30 sends over two instances need about 15 s, more on a busy machine. */
const SEND_WAIT_MS = 60_000;

/** "SENT ×29, QUEUED ×1": how often each value occurs. */
function tally(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([v, n]) => `${v} ×${n}`).join(", ") || "none";
}

/** How many send jobs an instance's worker ran, by outcome, from its log (the apps run at LOG_LEVEL=info). */
function sendOutcomes(app: TApp): Record<"sent" | "skipped" | "failed", number> {
  const log = readFileSync(app.logFile, "utf8");
  const count = (outcome: string) => log.split(`"event":"message.${outcome}"`).length - 1;
  return { sent: count("sent"), skipped: count("skipped"), failed: count("failed") };
}

/**
 * A coordinator signed in on A invites 30 vetted experts in one request; both instances' workers
 * poll the one pg-boss queue. Every send must run once: one claim per message, one sign-in link per
 * expert, one completed job per message.
 */
async function jobChecks(cluster: TCluster, a: TApp, b: TApp, log: (line: string) => void): Promise<TCheck[]> {
  const prisma = createPrismaClient({ url: cluster.databaseUrl, max: 2, connectionTimeoutMs: 10_000, statementTimeoutMs: 30_000 });
  try {
    const study = await createBenchStudy(prisma, "jobs", benchQuestionnaire(4));
    const coordinator = await makeCoordinator(cluster, [study.studyId]);
    const experts = await addBenchExperts(prisma, study, INVITED, "jobs");
    await prisma.$executeRaw`UPDATE "Expert" SET "status" = 'VETTED' WHERE "studyId" = ${study.studyId}::uuid`;
    const { session, error } = await signIn(a, coordinator.email, coordinator.password);
    if (!session) return [check("invitations sent by jobs on two instances go out once each", false, `sign-in on A failed: ${error}`)];

    const before = { a: sendOutcomes(a), b: sendOutcomes(b) };
    const started = performance.now();
    const res = await fetch(`${a.baseUrl}/api/coordinator/messages/invitations`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: session, origin: a.origin },
      body: JSON.stringify({ studyId: study.studyId, expertIds: experts.map((e) => e.expertId) }),
    });
    const { messageIds = [] } = (await res.json().catch(() => ({}))) as { messageIds?: string[] };

    const snapshot = async () => {
      const messages = await prisma.message.findMany({ where: { studyId: study.studyId }, select: { id: true, expertId: true, status: true, attempts: true } });
      const ids = messages.map((m) => m.id);
      const jobs = await prisma.$queryRawUnsafe<{ messageId: string; state: string; retryCount: number }[]>(
        `SELECT data->>'messageId' AS "messageId", state::text AS state, retry_count AS "retryCount" FROM ${JOBS_SCHEMA}.job WHERE name = $1 AND data->>'messageId' = ANY($2::text[])
         UNION ALL
         SELECT data->>'messageId', state::text, retry_count FROM ${JOBS_SCHEMA}.archive WHERE name = $1 AND data->>'messageId' = ANY($2::text[])`,
        MESSAGE_QUEUES.send,
        ids,
      );
      return { messages, jobs };
    };
    const settled = (s: Awaited<ReturnType<typeof snapshot>>) =>
      s.messages.every((m) => m.status !== "QUEUED") && s.jobs.length >= s.messages.length && s.jobs.every((j) => ["completed", "failed", "cancelled"].includes(j.state));
    let state = await snapshot();
    while (res.ok && !settled(state) && performance.now() - started < SEND_WAIT_MS) {
      await sleep(250);
      state = await snapshot();
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    log(`${INVITED} invitations: request ${res.status}, ${settled(state) ? "all sent" : "not all sent"} after ${seconds} s.`);

    const { messages, jobs } = state;
    const sentOnce = messages.filter((m) => m.status === "SENT" && m.attempts === 1).length;
    const byStatus = tally(messages.map((m) => `${m.status} after ${m.attempts} attempts`));

    const tokens = await prisma.$queryRaw<{ total: number; issued: number }[]>`
      SELECT count(t."id")::int AS total,
             count(t."id") FILTER (WHERE t."issuedById" = ${coordinator.id}::uuid AND t."revokedAt" IS NULL AND t."usedAt" IS NULL)::int AS issued
      FROM "Expert" e LEFT JOIN "InvitationToken" t ON t."expertId" = e."id"
      WHERE e."studyId" = ${study.studyId}::uuid GROUP BY e."id"`;
    const oneLink = tokens.filter((t) => t.total === 1 && t.issued === 1).length;

    const jobsPerMessage = new Map<string, typeof jobs>();
    for (const j of jobs) jobsPerMessage.set(j.messageId, [...(jobsPerMessage.get(j.messageId) ?? []), j]);
    const completedOnce = messages.filter((m) => {
      const js = jobsPerMessage.get(m.id) ?? [];
      return js.length === 1 && js[0]!.state === "completed" && js[0]!.retryCount === 0;
    }).length;
    const jobStates = tally(jobs.map((j) => j.state));

    const ranOn = (app: TApp, was: ReturnType<typeof sendOutcomes>) => {
      const now = sendOutcomes(app);
      return { sent: now.sent - was.sent, skipped: now.skipped - was.skipped, failed: now.failed - was.failed };
    };
    const onA = ranOn(a, before.a);
    const onB = ranOn(b, before.b);

    return [
      check(
        `one request to A inviting ${INVITED} vetted experts queues one message per expert`,
        res.status === 200 && messageIds.length === INVITED && messages.length === INVITED && new Set(messages.map((m) => m.expertId)).size === INVITED,
        `HTTP ${res.status}; ${messageIds.length} message ids answered, ${messages.length} Message rows for ${new Set(messages.map((m) => m.expertId)).size} of ${INVITED} experts`,
      ),
      check(
        "with workers on A and B, every message was claimed and sent exactly once (SENT, attempts = 1)",
        messages.length === INVITED && sentOnce === INVITED,
        `${sentOnce} of ${INVITED} SENT with 1 attempt after ${seconds} s (${byStatus})`,
      ),
      check(
        "each expert holds exactly one sign-in link, issued by the send job for the coordinator",
        tokens.length === INVITED && oneLink === INVITED,
        `${oneLink} of ${tokens.length} experts with exactly one live link from the job; links per expert: ${[...new Set(tokens.map((t) => t.total))].sort((x, y) => x - y).join(", ")}`,
      ),
      check(
        "pg-boss recorded each send job once, completed on the first try",
        jobs.length === INVITED && completedOnce === INVITED,
        `${jobs.length} job rows for ${messages.length} messages (${jobStates}); ${completedOnce} completed once without retry`,
      ),
      check(
        "both instances' workers took send jobs, and together ran each job once",
        onA.sent > 0 && onB.sent > 0 && onA.sent + onB.sent === INVITED && onA.skipped + onB.skipped + onA.failed + onB.failed === 0,
        `A sent ${onA.sent}, B sent ${onB.sent}; found already claimed: ${onA.skipped + onB.skipped}; failed: ${onA.failed + onB.failed}`,
      ),
    ];
  } finally {
    await prisma.$disconnect();
  }
}

export const twoInstances: TScenario = {
  name: "two app instances on one database",
  async run({ cluster, log }) {
    // LOG_LEVEL=info: each worker logs the send jobs it ran, which tells the instances apart.
    const env = { LOG_LEVEL: "info" };
    const a = await cluster.startApp("a", { env });
    const b = await cluster.startApp("b", { env, publicUrl: a.baseUrl });
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
    checks.push(...(await jobChecks(cluster, a, b, log)));
    checks.push(...(await throttleChecks(cluster, a, b)));
    return checks;
  },
};
