import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, signInAsStaff, test } from "./fixtures";

const API = path.join(__dirname, "..", "app", "api");

/** Every mutating route handler under app/api (next-auth's own routes have their own CSRF check). */
function mutatingRoutes(): Array<{ method: string; url: string }> {
  const routes: Array<{ method: string; url: string }> = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name === "route.ts") {
        const rel = path.relative(API, path.dirname(full)).split(path.sep);
        if (rel[0] === "auth") continue;
        const url = `/api/${rel.map((s) => (s.startsWith("[") ? (/code/i.test(s) ? "B1_Q1" : "00000000-0000-4000-8000-000000000000") : s)).join("/")}`;
        const source = readFileSync(full, "utf8");
        for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
          if (new RegExp(`export const ${method}\\b`).test(source)) routes.push({ method, url });
        }
      }
    }
  };
  walk(API);
  return routes;
}

test("every mutating endpoint refuses a cross-site request, including Origin: null, even for a signed-in coordinator", async ({ page, makeStaff }) => {
  const routes = mutatingRoutes();
  expect(routes.length).toBeGreaterThan(20);
  await signInAsStaff(page, await makeStaff("COORDINATOR"));
  await expect(page).toHaveURL(/\/coordinator$/);
  for (const origin of ["https://evil.example", "null"]) {
    for (const { method, url } of routes) {
      const res = await page.request.fetch(url, { method, headers: { origin, "content-type": "application/json" }, data: {} });
      expect(res.status(), `${method} ${url} from ${origin}`).toBe(403);
      expect((await res.json()).error.code, `${method} ${url}`).toBe("cross_site");
    }
  }
});

/** The script-src directive of a Content-Security-Policy. */
const scriptSrc = (csp: string) => csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src")) ?? "";
const nonceOf = (csp: string) => /'nonce-([^']+)'/.exec(scriptSrc(csp))?.[1];

test("scripts run only with this response's nonce: a fresh one per request, on every script Next writes, and the page still hydrates", async ({ page, request, makeStaff }) => {
  const nonces = new Set<string>();
  for (let i = 0; i < 3; i++) {
    const res = await request.get("/signin");
    const nonce = nonceOf(res.headers()["content-security-policy"] ?? "");
    expect(nonce, "a nonce in script-src").toMatch(/^[A-Za-z0-9+/=]{16,}$/);
    const html = await res.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, "every <script> carries the nonce").toContain(`nonce="${nonce}"`);
    nonces.add(nonce!);
  }
  expect(nonces.size, "a different nonce on every request").toBe(3);

  // A forged X-Forwarded-Proto is not believed without TRUSTED_PROXY_HOPS: no HSTS over plain http.
  const forged = await request.get("/signin", { headers: { "x-forwarded-proto": "https" } });
  expect(forged.headers()["strict-transport-security"]).toBeUndefined();

  // The browser enforces the policy and the page still works: the client-side sign-in form signs in.
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await signInAsStaff(page, await makeStaff("INTERVIEWER"));
  await expect(page).toHaveURL(/\/interviewer$/);
  expect(violations).toEqual([]);
});

test("pages carry a strict Content-Security-Policy and the other security headers; the session cookie is HttpOnly and SameSite", async ({ page, context, request, makeStaff }) => {
  for (const url of ["/", "/signin", "/invite", "/invite/not-a-token", "/api/health"]) {
    const res = await request.get(url);
    const headers = res.headers();
    const csp = headers["content-security-policy"] ?? "";
    expect(csp, url).toContain("object-src 'none'");
    expect(csp, url).toContain("base-uri 'none'");
    expect(csp, url).toContain("frame-ancestors 'none'");
    expect(csp, url).not.toContain("unsafe-eval");
    expect(scriptSrc(csp), url).not.toContain("unsafe-inline");
    expect(headers["strict-transport-security"], `${url} over plain http`).toBeUndefined();
    expect(headers["x-content-type-options"], url).toBe("nosniff");
    expect(headers["referrer-policy"], url).toBeTruthy();
  }
  await signInAsStaff(page, await makeStaff("INTERVIEWER"));
  await expect(page).toHaveURL(/\/interviewer$/);
  const session = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session).toBeDefined();
  expect(session!.httpOnly).toBe(true);
  expect(session!.sameSite).toBe("Lax");
});
