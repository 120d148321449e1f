import { closedLoop, settle } from "../bench/load";
import { int, ms } from "../bench/stats";
import { check, phaseLine, preparePanel, sleep, storedAnswerChecks, uncleanFailures, type TScenario } from "./common";

/**
 * Faults that stop a process under autosave load: the app server killed outright, and the
 * database server stopped and started again. The clients are the benchmark's simulated experts,
 * resending saves whose outcome they did not learn, with the same mutation id.
 */

const EXPERTS = 40;
const WORKERS = 12;
/** Think time per client between saves: about 150 saves/s in total, well under capacity. */
const PAUSE_MS = 60;
const PAUSE_AFTER_ERROR_MS = 300;

export const appKilled: TScenario = {
  name: "app killed during autosave load",
  async run({ cluster, log }) {
    const app = await cluster.startApp("killed");
    const { study, panel } = await preparePanel(cluster, "killed", EXPERTS);
    const loadSeconds = 14;
    const load = closedLoop({ label: "load", http: app.http, origin: app.origin, panel, concurrency: WORKERS, seconds: loadSeconds, requestTimeoutMs: 20_000, pauseMs: PAUSE_MS, pauseAfterErrorMs: PAUSE_AFTER_ERROR_MS });

    await sleep(3_000);
    const ackedBefore = panel.ackedMutations.size;
    const pidBefore = app.child.pid;
    await app.kill();
    log(`SIGKILLed the app (pid ${pidBefore}) after ${int(ackedBefore)} acknowledged saves; restarting it...`);
    const restartStarted = performance.now();
    await app.restart();
    const downMs = performance.now() - restartStarted;
    const ackedAtRestart = panel.ackedMutations.size;
    log(`The app is back (pid ${app.child.pid}) after ${ms(downMs)}.`);

    const phase = await load;
    const ackedAfterRestart = panel.ackedMutations.size - ackedAtRestart;
    const settled = await settle({ http: app.http, origin: app.origin, panel, concurrency: 8, timeoutMs: 30_000, pauseMs: 500 });
    log(phaseLine(phase));
    log(phaseLine(settled));

    const unclean = uncleanFailures([phase, settled], [/^network (ECONNRESET|ECONNREFUSED|EPIPE|socket hang up)/]);
    return [
      check("the load was running when the app was killed, and failed there", ackedBefore > 0 && phase.errors > 0, `${int(ackedBefore)} saves acknowledged before the kill, ${int(phase.errors)} failed requests`),
      check("saves are acknowledged again after the restart", ackedAfterRestart > 0, `${int(ackedAfterRestart)} acknowledged after the restart (down for ${ms(downMs)})`),
      check("the clients resent the saves whose outcome they did not learn", phase.retries + settled.retries > 0, `${int(phase.retries + settled.retries)} resent, ${int(phase.replays + settled.replays)} of them already applied (answered as replays)`),
      check("failures were connection errors or 503s only (no 500s, no timeouts)", unclean.length === 0, unclean.join("; ") || "none"),
      ...(await storedAnswerChecks(cluster, study, panel)),
    ];
  },
};

export const databaseRestarted: TScenario = {
  name: "database restarted during autosave load",
  skip: ({ cluster }) => (cluster.ownsPostgres ? null : "the PostgreSQL server is not ours to restart (FAULTS_DATABASE_URL)"),
  async run({ cluster, log }) {
    const poolTimeoutMs = 2_000;
    const app = await cluster.startApp("db-restart", { env: { DB_POOL_TIMEOUT_MS: String(poolTimeoutMs) } });
    const { study, panel } = await preparePanel(cluster, "db-restart", EXPERTS);
    const pid = app.child.pid;
    const load = closedLoop({ label: "load", http: app.http, origin: app.origin, panel, concurrency: WORKERS, seconds: 16, requestTimeoutMs: 20_000, pauseMs: PAUSE_MS, pauseAfterErrorMs: PAUSE_AFTER_ERROR_MS });

    await sleep(3_000);
    const ackedBefore = panel.ackedMutations.size;
    await cluster.stopPostgres();
    const downAt = performance.now();
    log(`Stopped PostgreSQL after ${int(ackedBefore)} acknowledged saves; starting it again in 3 s...`);
    // While the database is down the health check must say so, quickly.
    const healthStarted = performance.now();
    const health = await fetch(`${app.baseUrl}/api/health`).then((r) => r.status, () => 0);
    const healthMs = performance.now() - healthStarted;
    // A signed-in request meanwhile: 503, and the session cookie is kept, not cleared; next-auth's
    // own session endpoint (its jwt callback) must not clear it either.
    const get = (url: string) => app.http.request("GET", url, { cookie: panel.cookies[0]! }).catch((e: Error) => ({ status: 0, body: e.message, headers: {} as Record<string, string | string[] | undefined> }));
    const clears = (res: { headers: Record<string, string | string[] | undefined> }) =>
      ([] as string[]).concat(res.headers["set-cookie"] ?? []).some((c) => /^next-auth\.session-token=;/.test(c) || (/^next-auth\.session-token=/.test(c) && /Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(c)));
    const during = await get("/api/expert/me");
    const cleared = clears(during) || clears(await get("/api/auth/session"));
    await sleep(Math.max(0, 3_000 - (performance.now() - downAt)));
    await cluster.startPostgres();
    const upAt = performance.now();
    const ackedAtStart = panel.ackedMutations.size;
    // Recovery: the first acknowledged save after PostgreSQL is back.
    while (panel.ackedMutations.size === ackedAtStart && performance.now() - upAt < 20_000) await sleep(50);
    const recoveryMs = performance.now() - upAt;
    log(`PostgreSQL is back; the app acknowledged saves again after ${ms(recoveryMs)}.`);

    const phase = await load;
    const settled = await settle({ http: app.http, origin: app.origin, panel, concurrency: 8, timeoutMs: 30_000, pauseMs: 500 });
    log(phaseLine(phase));
    log(phaseLine(settled));
    const unclean = uncleanFailures([phase, settled]);
    const sameProcess = app.child.pid === pid && app.child.exitCode === null && app.child.signalCode === null;
    return [
      check("the load was running when PostgreSQL stopped, and failed there", ackedBefore > 0 && phase.errors > 0, `${int(ackedBefore)} acknowledged before, ${int(phase.errors)} failed requests`),
      check("the health check answers 503 at once while the database is down", health === 503 && healthMs < 3_000, `${health} in ${ms(healthMs)}`),
      check(
        "a signed-in request during the outage gets 503 + Retry-After, and no response clears the session cookie",
        during.status === 503 && Boolean(during.headers["retry-after"]) && !cleared,
        `${during.status}, Retry-After ${String(during.headers["retry-after"] ?? "missing")}, session cookie ${cleared ? "cleared" : "kept"}`,
      ),
      check("the same app process serves saves again once PostgreSQL is back", sameProcess && recoveryMs < 15_000, `pid ${app.child.pid} (was ${pid}), first save acknowledged ${ms(recoveryMs)} after PostgreSQL was up`),
      check("meanwhile requests failed cleanly: 503 with Retry-After only (no 500s, no 401s, no dropped connections)", unclean.length === 0, unclean.join("; ") || "none"),
      check("no request hung", phase.maxRequestMs < 10_000 && settled.maxRequestMs < 10_000, `slowest ${ms(Math.max(phase.maxRequestMs, settled.maxRequestMs))} (pool timeout ${ms(poolTimeoutMs)})`),
      ...(await storedAnswerChecks(cluster, study, panel)),
    ];
  },
};
