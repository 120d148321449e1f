import type { APIRequestContext, BrowserContext } from "@playwright/test";
import { expect, signInAsExpert, signInAsStaff, test } from "./fixtures";

const ORIGIN = () => process.env.BASE_URL!;

/** A fresh API client carrying exactly these cookies, like a second device replaying them. */
async function replay(playwright: { request: { newContext: (o: object) => Promise<APIRequestContext> } }, context: BrowserContext) {
  const storageState = await context.storageState();
  return playwright.request.newContext({ baseURL: ORIGIN(), storageState, extraHTTPHeaders: { origin: ORIGIN() } });
}

test.describe("sign-in", () => {
  test("a coordinator signs in with e-mail and password and lands on the coordination page", async ({ page, makeStaff }) => {
    const coordinator = await makeStaff("COORDINATOR");
    await signInAsStaff(page, coordinator);
    await expect(page).toHaveURL(/\/coordinator$/);
    await expect(page.getByRole("heading", { level: 1, name: "Coordination" })).toBeVisible();
    await expect(page.getByTestId(`staff-${coordinator.email}`)).toBeVisible();
  });

  test("an interviewer signs in and lands on their interviews", async ({ page, makeStaff }) => {
    const interviewer = await makeStaff("INTERVIEWER");
    await signInAsStaff(page, interviewer);
    await expect(page).toHaveURL(/\/interviewer$/);
    await expect(page.getByText(`Signed in as ${interviewer.name}.`)).toBeVisible();
  });

  test("a wrong password is refused with a clear message", async ({ page, makeStaff }) => {
    const coordinator = await makeStaff("COORDINATOR");
    await signInAsStaff(page, { ...coordinator, password: "definitely-wrong-password" });
    await expect(page.getByText("The e-mail or password is not correct.")).toBeVisible();
    await expect(page).toHaveURL(/\/signin/);
  });

  test("an expert signs in through the invitation link and sees only their pseudonym", async ({ page, makeExpert }) => {
    const expert = await makeExpert({ country: "AM" });
    await signInAsExpert(page, expert);
    await expect(page.getByText(`In this study you appear as Expert ${expert.pseudonym}.`)).toBeVisible();
    await expect(page.getByText("Republic of Armenia")).toBeVisible();
  });

  test("an expert sees their preferred language and can switch it, and the choice is kept", async ({ page, makeExpert }) => {
    const expert = await makeExpert({ language: "ru" });
    await signInAsExpert(page, expert);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ваше участие");
    await expect(page.locator("html")).toHaveAttribute("lang", "ru");
    await page.getByLabel("Язык").selectOption("en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your participation");
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your participation");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  });
});

test.describe("invitation links", () => {
  test("a used link is refused and the expert can ask for a new one", async ({ page, browser, makeExpert, makeStaff, studyId }) => {
    const expert = await makeExpert();
    await signInAsExpert(page, expert);

    const other = await browser.newContext({ baseURL: ORIGIN() });
    const second = await other.newPage();
    await second.goto(expert.link);
    await expect(second.getByText("This link has already been used.")).toBeVisible();
    await expect(second.getByRole("button", { name: "Continue to the study" })).toHaveCount(0);
    await second.getByRole("button", { name: "Ask for a new link" }).click();
    await expect(second.getByText(/will send you a new link/)).toBeVisible();
    await other.close();

    const coordinator = await makeStaff("COORDINATOR");
    const staffContext = await browser.newContext({ baseURL: ORIGIN() });
    const staffPage = await staffContext.newPage();
    await signInAsStaff(staffPage, coordinator);
    await expect(staffPage).toHaveURL(/\/coordinator$/);
    await staffPage.goto(`/coordinator/panel?study=${studyId}`);
    const row = staffPage.getByTestId(`expert-${expert.expertId}`);
    await expect(row.getByText("Asked for a new link")).toBeVisible();
    await staffContext.close();
  });

  test("an expired link is refused", async ({ page, prisma, makeExpert }) => {
    const expert = await makeExpert();
    await prisma.invitationToken.updateMany({ where: { expertId: expert.expertId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await page.goto(expert.link);
    await expect(page.getByText("This link has expired.")).toBeVisible();
    // Even posting the token straight to the sign-in endpoint does not sign in.
    const csrf = await (await page.request.get("/api/auth/csrf")).json();
    await page.request.post("/api/auth/callback/invitation", { form: { token: expert.token, csrfToken: csrf.csrfToken, json: "true" } });
    const me = await page.request.get("/api/expert/me");
    expect(me.status()).toBe(401);
  });

  test("a re-issued link replaces the old one", async ({ page, browser, makeExpert, makeStaff, studyId }) => {
    const expert = await makeExpert();
    const coordinator = await makeStaff("COORDINATOR");
    await signInAsStaff(page, coordinator);
    await expect(page).toHaveURL(/\/coordinator$/);
    await page.goto(`/coordinator/panel?study=${studyId}`);
    await page.getByTestId(`expert-${expert.expertId}`).getByRole("button", { name: "Issue new link" }).click();
    const newLink = await page.getByTestId(`expert-${expert.expertId}`).locator("code.link").innerText();

    const expertContext = await browser.newContext({ baseURL: ORIGIN() });
    const expertPage = await expertContext.newPage();
    await expertPage.goto(expert.link);
    await expect(expertPage.getByText(/replaced by a newer one/)).toBeVisible();
    await expertPage.goto(newLink);
    await expertPage.getByRole("button", { name: "Continue to the study" }).click();
    await expect(expertPage).toHaveURL(/\/expert$/);
    await expertContext.close();
  });
});

test.describe("revocation", () => {
  test("after sign-out the old session cookie is refused", async ({ page, context, playwright, makeStaff }) => {
    const coordinator = await makeStaff("COORDINATOR");
    await signInAsStaff(page, coordinator);
    await expect(page).toHaveURL(/\/coordinator$/);
    const oldCookies = await replay(playwright, context);
    expect((await oldCookies.get("/api/coordinator/users")).status()).toBe(200);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("link", { name: /^Sign in/ })).toBeVisible();

    expect((await oldCookies.get("/api/coordinator/users")).status()).toBe(401);
    const pageResponse = await oldCookies.get("/coordinator", { maxRedirects: 0 });
    expect([303, 307]).toContain(pageResponse.status());
    expect(pageResponse.headers()["location"]).toContain("/signin");
    await oldCookies.dispose();
  });

  test("after a role change the old session cookie is refused", async ({ page, browser, playwright, makeStaff }) => {
    const coordinator = await makeStaff("COORDINATOR");
    const interviewer = await makeStaff("INTERVIEWER");
    const interviewerContext = await browser.newContext({ baseURL: ORIGIN() });
    const interviewerPage = await interviewerContext.newPage();
    await signInAsStaff(interviewerPage, interviewer);
    await expect(interviewerPage).toHaveURL(/\/interviewer$/);
    const oldCookies = await replay(playwright, interviewerContext);
    expect((await oldCookies.get("/interviewer")).status()).toBe(200);

    await signInAsStaff(page, coordinator);
    await page.getByTestId(`staff-${interviewer.email}`).getByRole("button", { name: "Make coordinator" }).click();
    await expect(page.getByTestId(`staff-${interviewer.email}`)).toContainText("Coordinator");

    // Neither the old role's pages nor the new role's data open with the old cookie.
    const old = await oldCookies.get("/interviewer", { maxRedirects: 0 });
    expect([303, 307]).toContain(old.status());
    expect((await oldCookies.get("/api/coordinator/users")).status()).toBe(401);
    await interviewerPage.reload();
    await expect(interviewerPage).toHaveURL(/\/signin/);
    await oldCookies.dispose();
    await interviewerContext.close();
  });
});

test.describe("role boundaries", () => {
  const pages = { COORDINATOR: "/coordinator", INTERVIEWER: "/interviewer", EXPERT: "/expert" } as const;
  const apis = {
    COORDINATOR: ["GET /api/coordinator/users", "POST /api/coordinator/users", "PATCH /api/coordinator/users/00000000-0000-4000-8000-000000000000", "POST /api/coordinator/experts/00000000-0000-4000-8000-000000000000/invitation"],
    EXPERT: ["GET /api/expert/me"],
    INTERVIEWER: [],
  } as const;

  async function call(request: APIRequestContext, spec: string) {
    const [method, url] = spec.split(" ") as [string, string];
    return request.fetch(url, { method, headers: { origin: ORIGIN(), "content-type": "application/json" }, data: method === "GET" ? undefined : {} });
  }

  test("each role is refused on the other roles' pages and endpoints, and anonymous visitors too", async ({ browser, playwright, makeStaff, makeExpert }) => {
    const signedIn: Record<keyof typeof pages, APIRequestContext> = {} as never;
    for (const role of ["COORDINATOR", "INTERVIEWER"] as const) {
      const ctx = await browser.newContext({ baseURL: ORIGIN() });
      await signInAsStaff(await ctx.newPage(), await makeStaff(role));
      await (await ctx.pages())[0]!.waitForURL(`**${pages[role]}`);
      signedIn[role] = await replay(playwright, ctx);
      await ctx.close();
    }
    const expertCtx = await browser.newContext({ baseURL: ORIGIN() });
    await signInAsExpert(await expertCtx.newPage(), await makeExpert());
    signedIn.EXPERT = await replay(playwright, expertCtx);
    await expertCtx.close();

    for (const role of Object.keys(pages) as (keyof typeof pages)[]) {
      const request = signedIn[role];
      expect((await request.get(pages[role])).status(), `${role} on own page`).toBe(200);
      for (const other of Object.keys(pages) as (keyof typeof pages)[]) {
        if (other === role) continue;
        const response = await request.get(pages[other], { maxRedirects: 0 });
        expect(response.status(), `${role} on ${pages[other]}`).toBe(404);
        const body = await response.text();
        for (const secret of ["Team accounts", "@e2e.test", "you appear as", "Signed in as"]) expect(body, `${role} on ${pages[other]}`).not.toContain(secret);
        for (const api of apis[other]) {
          expect((await call(request, api)).status(), `${role} on ${api}`).toBe(403);
        }
      }
    }

    const anonymous = await playwright.request.newContext({ baseURL: ORIGIN() });
    for (const role of Object.keys(pages) as (keyof typeof pages)[]) {
      const response = await anonymous.get(pages[role], { maxRedirects: 0 });
      expect([303, 307], `anonymous on ${pages[role]}`).toContain(response.status());
      for (const api of apis[role]) expect((await call(anonymous, api)).status(), `anonymous on ${api}`).toBe(401);
    }
    await anonymous.dispose();
    for (const request of Object.values(signedIn)) await request.dispose();
  });
});
