import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { HttpClient } from "../bench/http";
import { dropDatabase, ensureDatabase, startEmbeddedPostgres, withDatabase, withoutEmbeddedSignalHandlers, type TEmbeddedDatabase } from "../db/embedded";
import { migrate } from "../../lib/db/migrate";
import { freePort } from "../lib/net";
import { startNextServer, stopChild, waitForHealthy } from "../lib/server";

/**
 * What the fault scenarios run against: one database (on an embedded PostgreSQL of our own, which
 * can be stopped and started again, or on the server of FAULTS_DATABASE_URL) and any number of
 * production app servers (`next start`) on it, each of which can be killed and restarted on its
 * port. `close()` stops everything, drops the database and removes the work folder; a detached
 * janitor (scripts/bench/janitor.mjs) does that if this process is killed first.
 */
export type TApp = {
  name: string;
  baseUrl: string;
  /** The origin writes must carry (its NEXTAUTH_URL). */
  origin: string;
  /** Keep-alive client for the load; survives restarts (it reconnects). */
  http: HttpClient;
  child: ChildProcess;
  logFile: string;
  /** SIGKILL: no graceful shutdown, in-flight requests are cut. */
  kill(): Promise<void>;
  /** Starts it again on the same port and waits until /api/health answers. */
  restart(): Promise<void>;
  logTail(lines?: number): string;
};

export type TCluster = {
  serverUrl: string;
  databaseUrl: string;
  secret: string;
  /** Whether the PostgreSQL server is ours, so that it can be stopped and started. */
  ownsPostgres: boolean;
  stopPostgres(): Promise<void>;
  startPostgres(): Promise<void>;
  startApp(name: string, options?: { env?: Record<string, string>; publicUrl?: string }): Promise<TApp>;
  /** The last lines of every running app's log, for a failed scenario. */
  appLogs(): string;
  /** Stops every app started so far (between scenarios). */
  stopApps(): Promise<void>;
  close(): Promise<void>;
};

const REQUEST_TIMEOUT_MS = 20_000;

export async function startCluster(log: (line: string) => void): Promise<TCluster> {
  const cleanups: Array<{ what: string; run: () => Promise<void> | void }> = [];
  const close = async () => {
    while (cleanups.length) {
      const step = cleanups.pop()!;
      try {
        await step.run();
      } catch (error) {
        log(`cleanup: could not ${step.what}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };

  try {
    const workDir = mkdtempSync(path.join(tmpdir(), "expert-panel-faults-"));
    chmodSync(workDir, 0o755);
    const janitorState: { serverPids: number[] } & Record<string, unknown> = { serverPids: [] };
    const record = (fields: Record<string, unknown> = {}) => {
      Object.assign(janitorState, fields);
      writeFileSync(path.join(workDir, "janitor.json"), JSON.stringify(janitorState), { mode: 0o600 });
    };
    record();
    spawn(process.execPath, [path.join(__dirname, "../bench/janitor.mjs"), String(process.pid), workDir], { detached: true, stdio: "ignore" }).unref();
    cleanups.push({ what: `remove ${workDir}`, run: () => rmSync(workDir, { recursive: true, force: true }) });

    const external = process.env.FAULTS_DATABASE_URL;
    let embedded: TEmbeddedDatabase | null = null;
    let serverUrl: string;
    let pgPort = 0;
    const pgDir = path.join(workDir, "pg-data");
    if (external) {
      serverUrl = withDatabase(external, "postgres");
      log("Using the PostgreSQL server in FAULTS_DATABASE_URL (the database-restart scenario is skipped).");
    } else {
      record({ postgresDataDir: path.join(pgDir, "pg") });
      embedded = await withoutEmbeddedSignalHandlers(() => startEmbeddedPostgres({ dir: pgDir, persistent: true, log }));
      serverUrl = embedded.url("postgres");
      pgPort = Number(new URL(serverUrl).port);
      cleanups.push({ what: "stop the embedded PostgreSQL", run: () => embedded?.stop() });
      log(`Started an embedded PostgreSQL on port ${pgPort}.`);
    }

    const databaseName = `faults_${Date.now()}`;
    record({ adminUrl: serverUrl, databaseName });
    await ensureDatabase(serverUrl, databaseName);
    cleanups.push({ what: `drop the database ${databaseName}`, run: () => dropDatabase(serverUrl, databaseName) });
    const databaseUrl = withDatabase(serverUrl, databaseName);
    await migrate(databaseUrl);
    const secret = randomBytes(32).toString("base64url");

    const stopPostgres = async () => {
      if (!embedded) throw new Error("The PostgreSQL server is not ours to stop.");
      await embedded.stop();
      embedded = null;
    };
    const startPostgres = async () => {
      if (embedded) return;
      embedded = await withoutEmbeddedSignalHandlers(() => startEmbeddedPostgres({ dir: pgDir, port: pgPort, persistent: true, log }));
      const port = Number(new URL(embedded.url("postgres")).port);
      if (port !== pgPort) throw new Error(`PostgreSQL came back on port ${port} instead of ${pgPort} (taken meanwhile).`);
    };

    const apps: TApp[] = [];
    const stopApp = async (app: TApp) => {
      app.http.close();
      await stopChild(app.child);
    };
    const stopApps = async () => {
      for (const app of apps.splice(0)) await stopApp(app);
    };
    cleanups.push({ what: "stop the apps", run: stopApps });

    const startApp = async (name: string, options: { env?: Record<string, string>; publicUrl?: string } = {}): Promise<TApp> => {
      const port = await freePort();
      const baseUrl = `http://127.0.0.1:${port}`;
      const publicUrl = options.publicUrl ?? baseUrl;
      const logFile = path.join(workDir, `${name}.log`);
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        DATABASE_URL: databaseUrl,
        NEXTAUTH_SECRET: secret,
        NEXTAUTH_URL: publicUrl,
        LOG_LEVEL: "warn",
        ...options.env,
      };
      const launch = async () => {
        const child = startNextServer({ port, host: "127.0.0.1", env, logFile });
        janitorState.serverPids.push(child.pid!);
        record();
        app.child = child;
        await waitForHealthy(baseUrl, child);
      };
      const app: TApp = {
        name,
        baseUrl,
        origin: new URL(publicUrl).origin,
        http: new HttpClient(baseUrl, { maxSockets: 64, timeoutMs: REQUEST_TIMEOUT_MS }),
        child: undefined as unknown as ChildProcess,
        logFile,
        kill: async () => {
          const child = app.child;
          if (child.exitCode !== null || child.signalCode !== null) return;
          await new Promise<void>((resolve) => {
            child.once("exit", () => resolve());
            child.kill("SIGKILL");
          });
        },
        restart: launch,
        logTail: (lines = 15) => {
          try {
            const all = readFileSync(logFile, "utf8").trimEnd().split("\n");
            // Errors first (pino level 50 and up: what a 500 logged), then the latest lines.
            const errors = all.filter((l) => /"level":(5|6)0/.test(l)).slice(-lines);
            return [...errors, ...(errors.length ? ["..."] : []), ...all.slice(-lines)].join("\n");
          } catch {
            return "";
          }
        },
      };
      apps.push(app);
      await launch();
      return app;
    };

    return {
      serverUrl,
      databaseUrl,
      secret,
      ownsPostgres: embedded !== null,
      stopPostgres,
      startPostgres,
      startApp,
      stopApps,
      appLogs: () => apps.map((app) => `--- ${app.name} (${app.baseUrl}):\n${app.logTail()}`).join("\n"),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
