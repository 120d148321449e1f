import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { createPrismaClient } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { ZQuestionnaire, type TQuestionnaireInput } from "@/lib/instrument/definition";
import { confirmedText } from "@/lib/i18n/text";
import { CRITERION_KEYS } from "@/lib/panel/vetting";
import { createScratchDatabase } from "@/lib/testing/db";
import { databaseIsEmpty } from "@/prisma/seed/demo";
import { prepareDatabase } from "@/scripts/lib/first-start";
import { freePort } from "@/scripts/lib/net";
import { startNextServer, stopChild, waitForHealthy } from "@/scripts/lib/server";
import { answerEverything } from "./questionnaire-driver";

/**
 * A real installation from nothing: a fresh database started without the demo, the first account
 * made with `npm run user:create`, and a team running a whole study through the app's own pages and
 * API; then a second team with a study of its own, and neither sees anything of the other.
 */

const ROOT = path.resolve(__dirname, "..");
const t = (ru: string, en: string) => confirmedText(ru, en);
const QUESTIONNAIRE: TQuestionnaireInput = {
  kind: "questionnaire",
  title: t("Пограничное сотрудничество", "Cross-border cooperation"),
  sections: [
    {
      code: "S1",
      title: t("Оценки", "Ratings"),
      items: [
        { code: "TIES", type: "single", required: true, text: t("Насколько тесны связи?", "How close are the ties?"), options: [{ code: "LOW", label: t("Слабые", "Weak") }, { code: "HIGH", label: t("Тесные", "Close") }] },
        { code: "WHY", type: "text", text: t("Почему?", "Why?"), maxLength: 500 },
      ],
    },
  ],
};
const EN = { next: "Next", finish: "Review answers", submit: "Submit answers", thanks: "Thank you!", start: "Read the consent statement", accept: "I agree to take part" };

type TTeam = { email: string; password: string; name: string };

/** `npm run user:create` itself, with the password on standard input. */
function createUser(url: string, team: TTeam): string {
  const run = spawnSync("npm", ["run", "--silent", "user:create", "--", "--email", team.email, "--name", team.name, "--language", "en"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url },
    input: `${team.password}\n`,
    encoding: "utf8",
  });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

/** A signed-in coordinator: the browser page, and API calls with the same session. */
async function signIn(browser: Browser, base: string, team: TTeam): Promise<{ page: Page; api: APIRequestContext }> {
  const context = await browser.newContext({ baseURL: base, extraHTTPHeaders: { origin: base }, locale: "en-US" });
  const page = await context.newPage();
  await page.goto("/signin");
  await page.getByLabel(/e-mail/i).fill(team.email);
  await page.getByLabel(/password/i).fill(team.password);
  await page.getByRole("button", { name: /sign in/i }).click();
  await page.waitForURL("**/coordinator");
  return { page, api: context.request };
}

async function ok<T>(response: Promise<{ ok(): boolean; status(): number; text(): Promise<string>; json(): Promise<unknown> }>): Promise<T> {
  const res = await response;
  expect(res.ok(), `${res.status()}: ${(await res.text()).slice(0, 400)}`).toBe(true);
  return (await res.json()) as T;
}

/** Creates a study with one questionnaire (imported from its JSON file and published) and a panel of `experts` (CSV), in fieldwork. */
async function runStudy(api: APIRequestContext, title: string, experts: string[]) {
  const { id: studyId } = await ok<{ id: string }>(api.post("/api/coordinator/studies", { data: { titleEn: title, consentEn: "I agree to take part.", cells: [{ country: "KZ", expertGroup: "OFFICIAL", target: 2 }] } }));
  const file = { format: "expert-panel/instrument", formatVersion: 1, name: `${title} questionnaire`, definition: ZQuestionnaire.parse(QUESTIONNAIRE) };
  const { versionId } = await ok<{ versionId: string }>(api.post("/api/coordinator/instruments/import", { data: { studyId, file } }));
  await ok(api.post(`/api/coordinator/instrument-versions/${versionId}/publish`));
  const csv = ["name,email,country,group,language", ...experts.map((e, i) => `Expert ${i + 1} of ${title},${e},KZ,official,en`)].join("\n");
  await ok(api.post("/api/coordinator/experts/import", { data: { studyId, csv, commit: true } }));
  await ok(api.post(`/api/coordinator/studies/${studyId}/status`, { data: { to: "FIELDWORK" } }));
  return { studyId, versionId };
}

async function inviteAndLink(prisma: PrismaClient, api: APIRequestContext, studyId: string, email: string): Promise<string> {
  const expert = await prisma.expert.findFirstOrThrow({ where: { studyId, user: { email } }, select: { id: true } });
  const checklist = Object.fromEntries(CRITERION_KEYS.map((k) => [k, { met: true, note: "" }]));
  await ok(api.put(`/api/coordinator/experts/${expert.id}/vetting`, { data: { checklist, decision: "VETTED" } }));
  await ok(api.post("/api/coordinator/messages/invitations", { data: { studyId, expertIds: [expert.id] } }));
  // No SMTP: the job worker delivers it to the in-app outbox, with the link in it.
  await expect.poll(async () => (await prisma.message.findFirst({ where: { expertId: expert.id, status: "SENT" } }))?.body ?? "", { timeout: 20_000 }).toContain("/invite/");
  const body = (await prisma.message.findFirstOrThrow({ where: { expertId: expert.id, status: "SENT" } })).body;
  return /\/invite\/[A-Za-z0-9_-]+/.exec(body)![0];
}

test("a team runs a study on an empty installation, and a second team beside it sees nothing of it", async ({ browser }) => {
  test.setTimeout(240_000);
  const scratch = await createScratchDatabase({ migrated: true });
  const prisma = createPrismaClient({ url: scratch.url, max: 3, connectionTimeoutMs: 5_000, statementTimeoutMs: 15_000 });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = startNextServer({ port, host: "127.0.0.1", env: { ...process.env, DATABASE_URL: scratch.url, NEXTAUTH_URL: base, DEMO: "off" }, quiet: true });
  try {
    // What `npm start` does first: with DEMO=off an empty database stays empty.
    await prepareDatabase(prisma, { DEMO: "off" }, () => undefined);
    expect(await databaseIsEmpty(prisma)).toBe(true);
    const anna: TTeam = { email: "anna@team-one.test", password: "a long password for anna", name: "Anna Petrova" };
    expect(createUser(scratch.url, anna)).toContain("(administrator)");
    await waitForHealthy(base, server);

    const one = await signIn(browser, base, anna);
    await expect(one.page.getByText(/not on the team of any study yet/i)).toBeVisible();
    const first = await runStudy(one.api, "Study One", ["kemal@experts-one.test", "dana@experts-one.test"]);
    const link = await inviteAndLink(prisma, one.api, first.studyId, "kemal@experts-one.test");

    // The expert opens the link, consents, answers and submits.
    const expertContext = await browser.newContext({ baseURL: base, locale: "en-US" });
    const expertPage = await expertContext.newPage();
    await expertPage.goto(link);
    await expertPage.getByRole("button", { name: /continue to the study/i }).click();
    await expertPage.waitForURL("**/expert");
    await expertPage.getByRole("link", { name: EN.start }).click();
    await expertPage.getByRole("button", { name: EN.accept }).click();
    await expect(expertPage).toHaveURL(/\/expert\/questionnaire$/);
    await answerEverything(expertPage, ZQuestionnaire.parse(QUESTIONNAIRE), EN);
    await expertPage.getByRole("button", { name: EN.submit }).click();
    await expect(expertPage.getByRole("heading", { level: 1 })).toHaveText(EN.thanks);
    await expertContext.close();

    // The coordinator sees the funnel against the targets, the results, and downloads every export.
    await one.page.goto(`/coordinator/studies/${first.studyId}`);
    await expect(one.page.getByTestId("dashboard-totals")).toContainText("Total");
    await expect(one.page.getByTestId("dashboard-totals").locator("td").nth(2)).toHaveText("1");
    await expect(one.page.getByTestId("results-funnel").getByRole("row", { name: /Completed/ })).toContainText("1");
    await one.page.goto(`/coordinator/results?study=${first.studyId}`);
    await expect(one.page.getByRole("heading", { level: 3, name: "TIES. How close are the ties?" })).toBeVisible();
    const exports = ["wide.csv", "long.csv", "data.xlsx", "data.sav", "codebook.json", "aggregates.csv"];
    for (const name of exports) {
      const res = await one.api.get(`/api/coordinator/studies/${first.studyId}/exports/${name}?includeInProgress=true`);
      expect(res.status(), name).toBe(200);
      const body = await res.body();
      expect(body.length, name).toBeGreaterThan(20);
      if (name === "wide.csv" || name === "long.csv") expect(body.toString("utf8"), name).toContain("TIES");
    }

    // A second team, made by the administrator's command, runs its own study beside it.
    const boris: TTeam = { email: "boris@team-two.test", password: "a long password for boris", name: "Boris Ivanov" };
    expect(createUser(scratch.url, boris)).not.toContain("(administrator)");
    const two = await signIn(browser, base, boris);
    const second = await runStudy(two.api, "Study Two", ["olga@experts-two.test"]);

    for (const [who, own, other, otherTitle] of [
      [one, first, second, "Study Two"],
      [two, second, first, "Study One"],
    ] as const) {
      await who.page.goto("/coordinator");
      await expect(who.page.getByRole("link", { name: otherTitle })).toHaveCount(0);
      await expect(who.page.getByRole("link", { name: otherTitle === "Study Two" ? "Study One" : "Study Two" })).toBeVisible();
      for (const url of [
        `/api/coordinator/studies/${other.studyId}/monitor`,
        `/api/coordinator/studies/${other.studyId}/live`,
        `/api/coordinator/studies/${other.studyId}/exports/wide.csv`,
        `/api/coordinator/studies/${other.studyId}/members`,
        `/api/coordinator/instrument-versions/${other.versionId}`,
      ]) {
        expect((await who.api.get(url)).status(), url).toBe(404);
      }
      expect((await who.page.goto(`/coordinator/studies/${other.studyId}`))?.status()).toBe(404);
      const lists = [await who.api.get("/api/coordinator/instruments"), await who.api.get(`/api/coordinator/studies/${own.studyId}/exports/wide.csv`)];
      for (const res of lists) expect(await res.text()).not.toContain(otherTitle);
      const panel = await who.page.goto(`/coordinator/panel?study=${own.studyId}`);
      expect(panel?.status()).toBe(200);
      await expect(who.page.getByText(/experts-(one|two)\.test/).first()).toBeVisible();
      await expect(who.page.getByText(otherTitle === "Study Two" ? "olga@experts-two.test" : "kemal@experts-one.test")).toHaveCount(0);
    }
  } finally {
    await stopChild(server);
    await prisma.$disconnect();
    await scratch.drop();
  }
});
