import http from "node:http";
import { randomBytes } from "node:crypto";
import { ACCOUNT_LIMIT, ACCOUNT_SHARE_PER_PAIR, INVITATION_LIMIT, LINK_REQUEST_LIMIT, PAIR_LIMIT } from "@/lib/auth/throttle-policy";
import { expect, signInAsStaff, test } from "./fixtures";

/**
 * Clients with addresses of their own: the whole of 127.0.0.0/8 is this machine, so a request sent
 * from 127.0.0.N reaches the app (listening on 127.0.0.1) with N in its socket's remote address. Each
 * test takes addresses of its own, away from 127.0.0.1 (the browser's and every other test's).
 */
let nextHost = 20 + Math.floor(Math.random() * 100);
const newClient = () => new Client(`127.0.${Math.floor(Math.random() * 250)}.${(nextHost = (nextHost % 250) + 1)}`);

type TAnswer = { status: number; headers: http.IncomingHttpHeaders; body: string };

class Client {
  private readonly cookies = new Map<string, string>();
  constructor(readonly address: string) {}

  request(method: string, path: string, body?: string, headers: Record<string, string> = {}): Promise<TAnswer> {
    const url = new URL(path, process.env.BASE_URL);
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    return new Promise((resolve, reject) => {
      const req = http.request(
        { host: url.hostname, port: url.port, path: url.pathname + url.search, method, localAddress: this.address, headers: { ...(cookie ? { cookie } : {}), ...(body ? { "content-length": Buffer.byteLength(body) } : {}), ...headers } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            for (const line of res.headers["set-cookie"] ?? []) {
              const [pair] = line.split(";");
              const at = pair!.indexOf("=");
              const [name, value] = [pair!.slice(0, at), pair!.slice(at + 1)];
              if (value && !/max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.set(name, value);
              else this.cookies.delete(name);
            }
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") });
          });
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  /** next-auth's credentials sign-in, as its client does it: "ok", or the error it answers with. */
  async signIn(provider: "password" | "invitation", fields: Record<string, string>, extraHeaders: Record<string, string> = {}): Promise<string> {
    const csrf = JSON.parse((await this.request("GET", "/api/auth/csrf")).body) as { csrfToken: string };
    const form = new URLSearchParams({ ...fields, csrfToken: csrf.csrfToken, json: "true" }).toString();
    const res = await this.request("POST", `/api/auth/callback/${provider}`, form, { "content-type": "application/x-www-form-urlencoded", ...extraHeaders });
    const url = new URL((JSON.parse(res.body) as { url: string }).url);
    return url.searchParams.get("error") ?? "ok";
  }
}

test.describe("sign-in throttling tells clients apart by their own address", () => {
  test("a flood of failures from one client, for made-up and real accounts and with forged X-Forwarded-For, leaves the real user's sign-in from another client untouched", async ({ page, makeStaff }) => {
    test.setTimeout(120_000);
    const [user, other] = [await makeStaff("INTERVIEWER"), await makeStaff("COORDINATOR")];
    const attacker = newClient();
    const victim = newClient();
    // The attacker claims to be the victim, and then a new address at every attempt: the app believes neither.
    for (let i = 0; i < 10; i++) expect(await attacker.signIn("password", { email: `nobody-${randomBytes(4).toString("hex")}@e2e.test`, password: "wrong-password" }, { "x-forwarded-for": victim.address })).toBe("CredentialsSignin");
    const answers: string[] = [];
    for (let i = 0; i < PAIR_LIMIT.free + 4; i++) answers.push(await attacker.signIn("password", { email: user.email, password: `guess-${i}` }, { "x-forwarded-for": i % 2 ? victim.address : `198.51.100.${i}` }));
    expect(answers.at(-1)).toBe("throttled");
    // The real user, on another client, signs in at once: with the API, and with the sign-in form (127.0.0.1).
    expect(await victim.signIn("password", { email: user.email, password: user.password })).toBe("ok");
    await signInAsStaff(page, user);
    await expect(page).toHaveURL(/\/interviewer$/);
    // The attacker's failures on one account never slow another account from the same address.
    expect(await attacker.signIn("password", { email: other.email, password: other.password })).toBe("ok");
  });

  test("a guess at one account from many addresses slows new addresses down, not the browser the user signed in with", async ({ makeStaff }) => {
    test.setTimeout(120_000);
    const user = await makeStaff("INTERVIEWER");
    const laptop = newClient();
    expect(await laptop.signIn("password", { email: user.email, password: user.password })).toBe("ok");
    const device = laptop.cookie("expert-panel.device");
    expect(device, "a device cookie after signing in").toBeTruthy();
    const setCookie = (await laptop.request("GET", "/api/auth/csrf")).headers["set-cookie"] ?? [];
    expect(setCookie.some((c) => c.startsWith("expert-panel.device"))).toBe(false); // sent only to the sign-in callback

    let failures = 0;
    while (failures <= ACCOUNT_LIMIT.free) {
      const bot = newClient();
      for (let j = 0; j < ACCOUNT_SHARE_PER_PAIR && failures <= ACCOUNT_LIMIT.free; j++, failures++) {
        expect(await bot.signIn("password", { email: user.email, password: `guess-${failures}` })).toBe("CredentialsSignin");
      }
    }
    expect(await newClient().signIn("password", { email: user.email, password: "yet-another-guess" })).toBe("throttled");
    expect(await newClient().signIn("password", { email: user.email, password: user.password })).toBe("throttled");
    // The user's laptop, even after moving to another network (a new address), is not slowed.
    const moved = newClient();
    expect(await moved.signIn("password", { email: user.email, password: user.password }, { cookie: `expert-panel.device=${device}` })).toBe("ok");
  });

  test("random invitation tokens from one client slow that client only; asking for new links is throttled per address too", async ({ page, makeExpert }) => {
    test.setTimeout(120_000);
    const expert = await makeExpert();
    const guesser = newClient();
    const answers: string[] = [];
    for (let i = 0; i < INVITATION_LIMIT.free + 3; i++) answers.push(await guesser.signIn("invitation", { token: randomBytes(32).toString("base64url") }));
    expect(answers.at(-1)).toBe("throttled");
    // The expert's own link, from the browser, works at once.
    await page.goto(expert.link);
    await page.getByRole("button", { name: "Continue to the study" }).click();
    await expect(page).toHaveURL(/\/expert$/);

    const asker = newClient();
    const ask = (client: Client) => client.request("POST", "/api/invitations/request", JSON.stringify({ token: expert.token }), { "content-type": "application/json", origin: process.env.BASE_URL! });
    const statuses: number[] = [];
    for (let i = 0; i < LINK_REQUEST_LIMIT.free + 3; i++) statuses.push((await ask(asker)).status);
    expect(statuses.slice(0, LINK_REQUEST_LIMIT.free)).toEqual(Array(LINK_REQUEST_LIMIT.free).fill(200));
    const refused = await ask(asker);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    expect((await ask(newClient())).status).toBe(200);
  });
});
