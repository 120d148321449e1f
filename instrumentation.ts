// Runs once when a server instance starts: a bad environment stops it here, naming the variable.
// Then the job queue starts (lib/jobs/app.ts) and stops gracefully when the process is asked to end.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
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
  const { startServerJobs } = await import("@/lib/jobs/app");
  await startServerJobs();
}
