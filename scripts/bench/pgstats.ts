import pg from "pg";

/**
 * What PostgreSQL saw during a run: where the app's pooled connections spent their time (sampled
 * from pg_stat_activity), and, when pg_stat_statements is loaded, which statements ran how often.
 */

export type TActivity = { samples: number; active: number; idleInTransaction: number; idle: number; waiting: Record<string, number> };

/** Samples the app's connections (application_name "expert-panel") every `everyMs` until stopped. */
export async function sampleActivity(databaseUrl: string, everyMs = 100): Promise<{ stop(): Promise<TActivity> }> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "expert-panel-bench-monitor" });
  // A dropped connection (cleanup after Ctrl-C drops the database) must not crash the process.
  client.on("error", () => {});
  await client.connect();
  const totals: TActivity = { samples: 0, active: 0, idleInTransaction: 0, idle: 0, waiting: {} };
  let running = true;
  const loop = (async () => {
    while (running) {
      try {
        const { rows } = await client.query<{ state: string | null; wait: string | null; n: number }>(
          `SELECT state, CASE WHEN state = 'active' THEN wait_event_type || ':' || wait_event END AS wait, count(*)::int AS n
           FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'expert-panel' GROUP BY 1, 2`,
        );
        totals.samples++;
        for (const r of rows) {
          if (r.state === "active") {
            totals.active += r.n;
            if (r.wait) totals.waiting[r.wait] = (totals.waiting[r.wait] ?? 0) + r.n;
          } else if (r.state === "idle in transaction") totals.idleInTransaction += r.n;
          else if (r.state === "idle") totals.idle += r.n;
        }
      } catch {
        // keep sampling
      }
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await client.end().catch(() => {});
      const n = Math.max(1, totals.samples);
      const waiting = Object.fromEntries(Object.entries(totals.waiting).map(([k, v]) => [k, v / n]));
      return { samples: totals.samples, active: totals.active / n, idleInTransaction: totals.idleInTransaction / n, idle: totals.idle / n, waiting };
    },
  };
}

export type TStatement = { query: string; calls: number; totalMs: number; meanMs: number; rows: number };

export async function resetStatements(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "expert-panel-bench" });
  await client.connect();
  try {
    await client.query("SELECT pg_stat_statements_reset()");
  } finally {
    await client.end();
  }
}

/** The statements the app ran in this database since the last reset, busiest first. */
export async function readStatements(databaseUrl: string): Promise<TStatement[]> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "expert-panel-bench" });
  await client.connect();
  try {
    const { rows } = await client.query<{ query: string; calls: string; total: number; mean: number; rows: string }>(
      `SELECT query, calls, total_exec_time AS total, mean_exec_time AS mean, rows
       FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
       ORDER BY calls DESC, total_exec_time DESC`,
    );
    return rows.map((r) => ({ query: r.query.replace(/\s+/g, " ").trim(), calls: Number(r.calls), totalMs: r.total, meanMs: r.mean, rows: Number(r.rows) }));
  } finally {
    await client.end();
  }
}
