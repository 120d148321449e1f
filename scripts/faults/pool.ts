import pg from "pg";
import { closedLoop, settle } from "../bench/load";
import { int, ms } from "../bench/stats";
import { check, phaseLine, preparePanel, sleep, storedAnswerChecks, uncleanFailures, type TScenario } from "./common";

/**
 * Pool exhausted: the app runs with a small pool (DB_POOL_MAX) and a short wait for a connection
 * (DB_POOL_TIMEOUT_MS). A separate connection locks the answers table, so every save that gets a
 * connection holds it while it waits for the lock; requests beyond the pool's capacity must get
 * 503 with Retry-After after about the configured wait, not hang, and once the lock is released
 * the app serves saves again with no restart.
 */

const POOL_MAX = 3;
const POOL_TIMEOUT_MS = 1_000;
const HOLD_MS = 5_000;
/** A request makes a few queries, each of which may wait for a connection once. */
const REFUSAL_BOUND_MS = 3 * POOL_TIMEOUT_MS + 1_000;

export const poolExhausted: TScenario = {
  name: "connection pool exhausted",
  async run({ cluster, log }) {
    const app = await cluster.startApp("pool", { env: { DB_POOL_MAX: String(POOL_MAX), DB_POOL_TIMEOUT_MS: String(POOL_TIMEOUT_MS) } });
    const { study, panel } = await preparePanel(cluster, "pool", 30);

    const locker = new pg.Client({ connectionString: cluster.databaseUrl, application_name: "faults-locker" });
    await locker.connect();
    let held: Awaited<ReturnType<typeof closedLoop>>;
    let heldMs: number;
    try {
      await locker.query("BEGIN");
      await locker.query('LOCK TABLE "Answer" IN EXCLUSIVE MODE');
      log(`Locked "Answer" from a separate connection; ${POOL_MAX * 4} clients save for ${HOLD_MS / 1000} s against DB_POOL_MAX=${POOL_MAX}, DB_POOL_TIMEOUT_MS=${POOL_TIMEOUT_MS}...`);
      const lockedAt = performance.now();
      const busy = closedLoop({ label: "pool held", http: app.http, origin: app.origin, panel, concurrency: POOL_MAX * 4, seconds: HOLD_MS / 1000 - 1, requestTimeoutMs: 20_000, pauseAfterErrorMs: 100 });
      await sleep(HOLD_MS - (performance.now() - lockedAt));
      await locker.query("COMMIT");
      heldMs = performance.now() - lockedAt;
      held = await busy;
    } finally {
      await locker.end();
    }
    log(phaseLine(held));

    const after = await closedLoop({ label: "after the lock", http: app.http, origin: app.origin, panel, concurrency: POOL_MAX, seconds: 3, requestTimeoutMs: 20_000, pauseMs: 20 });
    const settled = await settle({ http: app.http, origin: app.origin, panel, concurrency: POOL_MAX, timeoutMs: 20_000, pauseMs: 300 });
    log(phaseLine(after));

    const refused = held.errorKinds["HTTP 503 unavailable"] ?? 0;
    const refusedMs = held.slowestByOutcome["HTTP 503 unavailable"] ?? 0;
    const waitedMs = held.slowestByOutcome["200"] ?? 0;
    const unclean = uncleanFailures([held, after, settled]);
    return [
      check("saves beyond the pool's capacity were refused with 503 + Retry-After", refused > 0, `${int(refused)} refused, ${int(held.acked)} acknowledged while the lock was held for ${ms(heldMs)}`),
      check(`each refusal came within about the pool timeout (≤ ${ms(REFUSAL_BOUND_MS)})`, refused > 0 && refusedMs <= REFUSAL_BOUND_MS, `slowest 503 ${ms(refusedMs)}`),
      check("no request hung: the saves holding a connection finished once the lock was released", waitedMs < heldMs + 3_000 && held.maxRequestMs < heldMs + 3_000, `slowest save ${ms(waitedMs)}, slowest request ${ms(held.maxRequestMs)}`),
      check("no 500s or dropped connections", unclean.length === 0, unclean.join("; ") || "none"),
      check("the app serves saves again once the load drops", after.acked > 0 && after.errors === 0, `${int(after.acked)} acknowledged in 3 s, ${int(after.errors)} failures`),
      ...(await storedAnswerChecks(cluster, study, panel)),
    ];
  },
};
