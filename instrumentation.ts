// Runs once when a server instance starts. Next also compiles this file for the Edge runtime, so the
// Node.js-only start-up lives in lib/server-start.ts and is imported only in the Node.js runtime.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { onServerStart } = await import("@/lib/server-start");
    await onServerStart();
  }
}
