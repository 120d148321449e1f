// `npm run screenshots`: a screenshot of every page (the list of e2e/pages.ts, which the end-to-end
// page crawl checks) per role, language (ru, en) and width (1280, 360 px), on a fresh demo database,
// into screenshots/<lang>-<width>/ (git-ignored); and the README's two pictures, scripts/readme/
// coordinator.png and results.png.
// - Database: a fresh one (screenshots_<time>) on the server of DATABASE_URL, or on an embedded
//   PostgreSQL in a temporary folder; migrated, seeded with the demo study as `npm start` seeds it,
//   dropped at the end.
// - App: the production build (built first if its sources changed) on a free port of 127.0.0.1.
// Options: --only ru|en, --widths 1280,360, --no-readme, --out DIR.
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "@playwright/test";
import { createPrismaClient } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DEMO_INTERVIEWER_EMAIL, DEMO_STUDY_SLUG, demoExpertLink, seedDemo, type TDemoSignIns } from "@/prisma/seed/demo";
import { everyPage, type TListedPage, type TPageObjects, type TPageRole } from "../../e2e/pages";
import { dropDatabase, ensureDatabase, startEmbeddedPostgres, withDatabase, withoutEmbeddedSignalHandlers, type TEmbeddedDatabase } from "../db/embedded";
import { migrate } from "@/lib/db/migrate";
import { ROOT, buildIfStale } from "../lib/build";
import { CHROMIUM_FLAGS, findChromium, noChromiumHint } from "../lib/chromium";
import { freePort } from "../lib/net";
import { startNextServer, stopChild, waitForHealthy } from "../lib/server";

type TLang = "ru" | "en";

const say = (line: string) => console.log(`[screenshots] ${line}`);

/** Taller pages are cut at this height (the results report is tens of thousands of pixels long). */
const MAX_HEIGHT = 12_000;

function options(argv: string[]) {
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const only = value("--only");
  return {
    langs: (only ? only.split(",") : ["ru", "en"]) as TLang[],
    widths: (value("--widths") ?? "1280,360").split(",").map(Number),
    readme: !argv.includes("--no-readme"),
    out: path.resolve(value("--out") ?? path.join(ROOT, "screenshots")),
  };
}

/** The demo study's objects that the pages' paths name. */
async function demoObjects(prisma: PrismaClient, ttlDays: number): Promise<TPageObjects> {
  const study = await prisma.study.findUniqueOrThrow({ where: { slug: DEMO_STUDY_SLUG }, select: { id: true } });
  const version = await prisma.instrumentVersion.findFirstOrThrow({
    where: { status: "PUBLISHED", instrument: { studyId: study.id, kind: "QUESTIONNAIRE" } },
    orderBy: { number: "desc" },
    select: { id: true },
  });
  // The demo's latest round (its closed Delphi round 2), for the round report.
  const wave = await prisma.wave.findFirstOrThrow({ where: { instrument: { studyId: study.id, kind: "QUESTIONNAIRE" } }, orderBy: { number: "desc" }, select: { id: true } });
  const message = await prisma.message.findFirstOrThrow({ where: { studyId: study.id }, orderBy: { createdAt: "asc" }, select: { id: true } });
  // The demo interviewer's interview under way, which both the interviewer and the coordinator open.
  const interview = await prisma.interview.findFirstOrThrow({
    where: { interviewer: { email: DEMO_INTERVIEWER_EMAIL }, expert: { studyId: study.id } },
    orderBy: [{ status: "asc" }, { plannedAt: "asc" }],
    select: { id: true },
  });
  // An expert with a submitted questionnaire, for the expert's page in the panel.
  const submitted = await prisma.response.findFirstOrThrow({ where: { status: "SUBMITTED", expert: { studyId: study.id } }, orderBy: { submittedAt: "asc" }, select: { expertId: true } });
  const invitationLink = await demoExpertLink(prisma, ttlDays);
  if (!invitationLink) throw new Error("The demo expert is missing.");
  return {
    studyId: study.id,
    questionnaireVersionId: version.id,
    questionnaireWaveId: wave.id,
    sentMessageId: message.id,
    interview: { id: interview.id },
    otherExpert: { expertId: submitted.expertId },
    invitationLink,
  };
}

/** Loaded: the streamed HTML is complete at "load"; then the page's heading, and two frames for what the browser draws. */
async function loaded(page: Page): Promise<void> {
  await page.locator("h1").first().waitFor({ timeout: 30_000 });
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

async function shoot(page: Page, file: string): Promise<void> {
  const height = await page.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollHeight);
  const width = page.viewportSize()!.width;
  await page.screenshot({ path: file, fullPage: true, clip: height > MAX_HEIGHT ? { x: 0, y: 0, width, height: MAX_HEIGHT } : undefined, animations: "disabled" });
}

/** "coordinator-panel-expertId.png", "anonymous-signin.png": the role, then the page's path. */
const fileName = (listed: TListedPage) => {
  const parts = listed.name.replace(/[[\]]/g, "").split("/").filter(Boolean);
  if (parts[0] === listed.role.toLowerCase()) parts.shift();
  return `${[listed.role.toLowerCase(), ...(parts.length ? parts : ["home"])].join("-")}.png`;
};

async function signIn(page: Page, role: TPageRole, signIns: TDemoSignIns, expertLink: () => Promise<string>): Promise<void> {
  if (role === "ANONYMOUS") return;
  if (role === "EXPERT") {
    await page.goto(await expertLink());
    await page.getByRole("button", { name: /continue to the study|перейти к исследованию/i }).click();
    await page.waitForURL("**/expert");
    return;
  }
  const account = role === "COORDINATOR" ? signIns.coordinator : signIns.interviewer;
  await page.goto("/signin");
  await page.getByLabel(/e-mail|электронная почта/i).fill(account.email);
  await page.getByLabel(/password|пароль/i).fill(account.password);
  await page.getByRole("button", { name: /sign in|войти/i }).click();
  await page.waitForURL(`**/${role.toLowerCase()}`);
}

async function takeAll(browser: Browser, baseUrl: string, pages: TListedPage[], signIns: TDemoSignIns, expertLink: () => Promise<string>, o: ReturnType<typeof options>): Promise<number> {
  let count = 0;
  for (const lang of o.langs) {
    for (const role of ["ANONYMOUS", "EXPERT", "INTERVIEWER", "COORDINATOR"] as const) {
      const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 800 }, locale: lang === "en" ? "en-US" : "ru-RU" });
      await context.addCookies([{ name: "lang", value: lang, url: baseUrl }]);
      const page = await context.newPage();
      await signIn(page, role, signIns, expertLink);
      for (const listed of pages.filter((p) => p.role === role)) {
        for (const width of o.widths) {
          await page.setViewportSize({ width, height: width < 600 ? 740 : 800 });
          // The invitation page with a link of its own (a newer link may end an older one).
          await page.goto(listed.name === "/invite/[token]" ? await expertLink() : listed.path);
          await loaded(page);
          const dir = path.join(o.out, `${lang}-${width}`);
          mkdirSync(dir, { recursive: true });
          await shoot(page, path.join(dir, fileName(listed)));
          count++;
        }
        // The expert agrees once the consent page is taken, so that the questionnaire comes next.
        const agree = page.getByRole("button", { name: /I agree to take part|Я согласен/i });
        if (listed.name === "/expert/consent" && (await agree.count())) {
          await agree.click();
          await page.waitForURL("**/expert/questionnaire");
        }
      }
      await context.close();
    }
    say(`${lang}: done.`);
  }
  return count;
}

/** The README's pictures, in English at 1280 px: the coordinator's home and an item of the results report (chart and table). */
async function readmePictures(browser: Browser, baseUrl: string, signIns: TDemoSignIns, studyId: string): Promise<void> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 900 }, locale: "en-US" });
  await context.addCookies([{ name: "lang", value: "en", url: baseUrl }]);
  const page = await context.newPage();
  await signIn(page, "COORDINATOR", signIns, async () => "");
  await loaded(page);
  await page.screenshot({ path: path.join(__dirname, "coordinator.png") });
  await page.goto(`/coordinator/results?study=${studyId}`);
  await loaded(page);
  // Q2's card (a single choice: its chart and table; the paper's 45/36/11 %), in the report's first section.
  // Visible only: while the report streams in, React briefly holds a hidden copy of a section.
  const card = page.locator('[data-item="Q2"]').filter({ visible: true });
  await card.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, -60));
  await card.locator("figure.results-chart svg").first().waitFor({ timeout: 30_000 });
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  await page.screenshot({ path: path.join(__dirname, "results.png") });
  await context.close();
}

async function main(): Promise<void> {
  const o = options(process.argv.slice(2));
  const found = await findChromium();
  if (!found) throw new Error(noChromiumHint());
  const started = Date.now();
  const cleanups: Array<() => Promise<unknown> | unknown> = [];
  try {
    let serverUrl = process.env.DATABASE_URL;
    if (!serverUrl) {
      const dir = mkdtempSync(path.join(tmpdir(), "expert-panel-screenshots-"));
      const embedded: TEmbeddedDatabase = await withoutEmbeddedSignalHandlers(() => startEmbeddedPostgres({ dir, persistent: false, log: say }));
      cleanups.unshift(() => rmSync(dir, { recursive: true, force: true }), () => embedded.stop());
      serverUrl = embedded.url("postgres");
    }
    const name = `screenshots_${Date.now()}_${randomBytes(3).toString("hex")}`;
    await ensureDatabase(serverUrl, name);
    cleanups.unshift(() => dropDatabase(serverUrl, name));
    const databaseUrl = withDatabase(serverUrl, name);
    await migrate(databaseUrl, { log: () => {} });
    const prisma = createPrismaClient({ url: databaseUrl, max: 2, connectionTimeoutMs: 10_000, statementTimeoutMs: 60_000 });
    cleanups.unshift(() => prisma.$disconnect());
    say("Seeding the demo study on a fresh database…");
    const signIns = await seedDemo(prisma);
    const objects = await demoObjects(prisma, 14);

    buildIfStale(say);
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const server = startNextServer({
      port,
      host: "127.0.0.1",
      quiet: true,
      env: { ...process.env, DATABASE_URL: databaseUrl, NEXTAUTH_URL: baseUrl, NEXTAUTH_SECRET: randomBytes(32).toString("base64url"), LOG_LEVEL: "warn" },
    });
    cleanups.unshift(() => stopChild(server));
    await waitForHealthy(baseUrl, server);

    const browser = await chromium.launch({ executablePath: found.executablePath, args: CHROMIUM_FLAGS, env: { ...process.env, ...found.env } });
    cleanups.unshift(() => browser.close());
    // Each expert sign-in uses up its link: a fresh one every time.
    const expertLink = async () => (await demoExpertLink(prisma, 14))!;
    rmSync(o.out, { recursive: true, force: true });
    const count = await takeAll(browser, baseUrl, everyPage(objects), signIns, expertLink, o);
    say(`${count} screenshots in ${path.relative(process.cwd(), o.out) || o.out}/ (${Math.round((Date.now() - started) / 1000)} s).`);
    if (o.readme) {
      await readmePictures(browser, baseUrl, signIns, objects.studyId);
      say("README pictures: scripts/readme/coordinator.png, scripts/readme/results.png.");
    }
  } finally {
    for (const cleanup of cleanups) await cleanup();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
