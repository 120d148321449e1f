// The production server: Next's own request handler (the one `next start` runs) behind Node's HTTP
// server, plus the one thing `next start` cannot do: tell the app which address a request came from.
//
// Sign-in throttling keys failures by the client's address (lib/auth/sign-in.ts). A route handler
// sees only headers, and `next start` puts the socket's address in X-Forwarded-For only when the
// client sent no such header itself (`??=` in next/dist/server/base-server.js), so any client could
// pick the address it is throttled under, or another user's. Here every request gets the header
// below set from the socket, overwriting whatever the client sent under that name, and a
// process-wide mark tells the app that the header can be believed. Without this server (plain
// `next start`) and without TRUSTED_PROXY_HOPS, the app does not know client addresses and says so
// at start-up.
//
// Usage: node [--liftoff-only] scripts/app-server.mjs [-p PORT] [-H HOST]   (default: $PORT or 3000, $HOST or 0.0.0.0)
import http from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Also in lib/http/client-address.ts. */
const PEER_HEADER = "x-expert-panel-peer";
const PEER_MARK = Symbol.for("expert-panel.peer-header");

function option(flags, fallback) {
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) if (flags.includes(args[i]) && args[i + 1] !== undefined) return args[i + 1];
  return fallback;
}

const port = Number(option(["-p", "--port"], process.env.PORT || "3000"));
const hostname = option(["-H", "--hostname"], process.env.HOST || "0.0.0.0");
// The project folder (this file is in scripts/).
const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.env.NODE_ENV ??= "production";

globalThis[PEER_MARK] = PEER_HEADER;
const server = http.createServer((req, res) => {
  // Node joins repeated headers of unknown names with ", ": assigning replaces every copy the client sent.
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
  handle(req, res).catch((error) => {
    console.error(`Failed to handle request for ${req.url}`, error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
const next = createRequire(import.meta.url)("next");
const app = next({ dev: false, dir, hostname, port, httpServer: server });
const handle = app.getRequestHandler();

await app.prepare();
await new Promise((resolve, reject) => {
  server.once("error", reject);
  server.listen(port, hostname, resolve);
});
process.env.PORT = String(port);
console.log(`Ready on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`);

// As `next start`: stop taking connections, let requests under way finish, close Next, exit.
let stopping = false;
for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]]) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close(() => {
      app.close().catch(console.error).finally(() => process.exit(code));
    });
    // Long-lived responses (live updates) would hold server.close() open: end the idle ones now,
    // and whatever is still open after a grace period (browsers reconnect to another instance).
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), 3_000).unref();
  });
}
