import "server-only";

// What a server instance does once when it starts (called from instrumentation.ts, Node.js runtime
// only): a bad environment stops it here, naming the variable; then the database client warms up,
// and the job queue starts (lib/jobs/app.ts) with the messages' work on it (lib/messaging/jobs.ts) and stops gracefully when the process is asked to end.
export async function onServerStart(): Promise<void> {
  const { env, EnvError } = await import("@/lib/env");
  try {
    env();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  // Throttling needs client addresses: from scripts/app-server.mjs (the socket's) or from trusted proxies.
  const { peerHeaderTrusted } = await import("@/lib/http/client-address");
  if (env().TRUSTED_PROXY_HOPS === 0 && !peerHeaderTrusted()) {
    const { log } = await import("@/lib/log");
    log.warn(
      { event: "client_address.unknown" },
      "client addresses are unknown (not started through scripts/app-server.mjs, and TRUSTED_PROXY_HOPS=0): sign-in is throttled per account only, invitation links and link requests not at all",
    );
  }
  // Prisma loads its query compiler on first use, which holds the event loop for a moment: do it
  // now rather than in the middle of requests (a database that is down now is simply not warmed).
  const { db } = await import("@/lib/db");
  await db()
    .$queryRaw`SELECT 1`
    .catch(() => undefined);
  const { startServerJobs } = await import("@/lib/jobs/app");
  const { registerAppMessageWork } = await import("@/lib/messaging/jobs");
  await startServerJobs(registerAppMessageWork);
}
