import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "@/scripts/lib/net";
import { startNextServer, stopChild, waitForHealthy } from "@/scripts/lib/server";
import { expect, signInAsStaff, test } from "./fixtures";

/** A self-signed certificate for 127.0.0.1, made for this run with openssl. */
function selfSignedCertificate(dir: string): { key: Buffer; cert: Buffer } {
  const key = path.join(dir, "key.pem");
  const cert = path.join(dir, "cert.pem");
  execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"], { stdio: "ignore" });
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

/**
 * A TLS-terminating reverse proxy, as a deployment puts in front of the app: it forwards each request
 * over plain http and says so in X-Forwarded-Proto / X-Forwarded-For (overwriting what the client sent).
 */
async function startTlsProxy(tls: { key: Buffer; cert: Buffer }, upstreamPort: number): Promise<https.Server> {
  const server = https.createServer(tls, (req, res) => {
    const headers = { ...req.headers, "x-forwarded-proto": "https", "x-forwarded-for": req.socket.remoteAddress ?? "127.0.0.1" };
    const upstream = http.request({ host: "127.0.0.1", port: upstreamPort, method: req.method, path: req.url, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on("error", () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}

test("behind a TLS proxy the app sends HSTS and a __Secure- session cookie; over plain http it sends neither", async ({ browser, makeStaff }) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(path.join(tmpdir(), "expert-panel-tls-"));
  const appPort = await freePort();
  const proxy = await startTlsProxy(selfSignedCertificate(dir), appPort);
  const origin = `https://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  const app = startNextServer({ port: appPort, host: "127.0.0.1", env: { ...process.env, NEXTAUTH_URL: origin, TRUSTED_PROXY_HOPS: "1" }, quiet: true });
  const context = await browser.newContext({ baseURL: origin, ignoreHTTPSErrors: true });
  try {
    await waitForHealthy(`http://127.0.0.1:${appPort}`, app);

    // Over HTTPS (through the proxy): HSTS on pages and API answers.
    const page = await context.newPage();
    const signin = await page.goto("/signin");
    expect(signin!.headers()["strict-transport-security"]).toMatch(/^max-age=\d{7,}/);
    expect((await context.request.get("/api/health")).headers()["strict-transport-security"]).toMatch(/^max-age=/);

    // Signing in over HTTPS sets the session cookie with the __Secure- prefix and the Secure flag.
    await signInAsStaff(page, await makeStaff("COORDINATOR"));
    await expect(page).toHaveURL(/\/coordinator$/);
    const session = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
    expect(session?.name).toBe("__Secure-next-auth.session-token");
    expect(session).toMatchObject({ secure: true, httpOnly: true, sameSite: "Lax" });

    // Straight to the app over plain http: no HSTS, even though this instance trusts one proxy hop.
    const direct = await fetch(`http://127.0.0.1:${appPort}/signin`);
    expect(direct.headers.get("strict-transport-security")).toBeNull();
  } finally {
    await context.close();
    await stopChild(app);
    await new Promise((resolve) => proxy.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  }
});
