import AxeBuilder from "@axe-core/playwright";
import type { BrowserContext, Page } from "@playwright/test";
import { freePort } from "@/scripts/lib/net";
import { startNextServer, stopChild, waitForHealthy } from "@/scripts/lib/server";
import { expect, signInAsExpert, signInAsStaff, test, type TExpert, type TStaff } from "./fixtures";

type TDashboardCheck = { dashboard: Page; expertContext: BrowserContext; studyId: string; coordinator: TStaff; makeExpert: (o?: { language?: "ru" | "en"; country?: string }) => Promise<TExpert> };

/**
 * With /coordinator/results open on `dashboard`, an expert saving an answer in `expertContext`
 * changes the numbers in the item's table within seconds, without a reload.
 */
async function dashboardFollowsASave({ dashboard: page, expertContext, studyId, coordinator, makeExpert }: TDashboardCheck) {
  await signInAsStaff(page, coordinator);
  await page.waitForURL("**/coordinator**");
  await page.goto(`/coordinator/results?study=${studyId}&status=all`);
  await expect(page.getByRole("heading", { level: 1, name: "Results" })).toBeVisible();
  await expect(page.locator("[data-live-status=live]")).toBeVisible({ timeout: 15_000 });

  const cell = page.locator('[data-table-id="Q2"] tr[data-row="Q2_1"] td').first();
  const before = await cell.innerText();
  const count = (text: string) => (text.startsWith("<") ? 0 : Number(text));
  // A marker on the window survives only if the page is not reloaded.
  await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));

  const expertPage = await expertContext.newPage();
  const expert = await makeExpert({ language: "en", country: "RU" });
  await signInAsExpert(expertPage, expert);
  await expertPage.getByRole("link", { name: "Read the consent statement" }).click();
  await expertPage.getByRole("button", { name: "I agree to take part" }).click();
  await expect(expertPage).toHaveURL(/\/expert\/questionnaire$/);
  await expertPage.locator('[id="Q2-Q2_1"]').check();
  await expect(expertPage.getByTestId("save-status")).toHaveText("All answers saved");
  const saved = Date.now();

  await expect(cell).toHaveText(String(count(before) + 1), { timeout: 10_000 });
  const elapsed = Date.now() - saved;
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
  // The issue asks for 2 s; the shared CI machine gets some slack, the figure is printed.
  console.log(`dashboard updated ${elapsed} ms after the save was acknowledged`);
  expect(elapsed).toBeLessThan(5_000);
}

test("a saved answer shows on the open results dashboard without a reload", async ({ page, browser, prisma, studyId, makeStaff, makeExpert }) => {
  test.setTimeout(120_000);
  // k = 1, so a single new answer is shown as a number rather than "< 3".
  await prisma.study.update({ where: { id: studyId }, data: { suppressionK: 1 } });
  const expertContext = await browser.newContext();
  try {
    await dashboardFollowsASave({ dashboard: page, expertContext, studyId, coordinator: await makeStaff("COORDINATOR"), makeExpert });
  } finally {
    await expertContext.close();
  }
});

test("the dashboard served by one app instance follows an answer saved through another", async ({ browser, prisma, studyId, makeStaff, makeExpert }) => {
  test.setTimeout(180_000);
  await prisma.study.update({ where: { id: studyId }, data: { suppressionK: 1 } });
  // A second instance on the same database; the expert stays on the suite's server.
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = startNextServer({ port, host: "127.0.0.1", env: { ...process.env, NEXTAUTH_URL: base }, quiet: true });
  const dashboardContext = await browser.newContext({ baseURL: base });
  const expertContext = await browser.newContext();
  try {
    await waitForHealthy(base, server);
    await dashboardFollowsASave({ dashboard: await dashboardContext.newPage(), expertContext, studyId, coordinator: await makeStaff("COORDINATOR"), makeExpert });
  } finally {
    await Promise.all([dashboardContext.close(), expertContext.close()]);
    await stopChild(server);
  }
});

test("a coordinator sets k and downloads the tables as CSV, suppression included, audited", async ({ page, prisma, studyId, makeStaff }) => {
  // axe over the whole report (58 items with charts and their controls) takes a minute on a loaded machine.
  test.setTimeout(150_000);
  const coordinator = await makeStaff("COORDINATOR");
  await signInAsStaff(page, coordinator);
  await page.waitForURL("**/coordinator**");
  await page.goto(`/coordinator/results?study=${studyId}&status=all`);
  await expect(page.locator(".results-chart svg").first()).toBeVisible();
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);
  await page.getByLabel(/smallest number of respondents/i).fill("50");
  await page.getByRole("button", { name: "Save k" }).click();
  await expect(page.getByText("Saved: k = 50.")).toBeVisible();
  await expect(page.getByTestId("respondents")).toContainText("< 50");
  expect((await prisma.study.findUniqueOrThrow({ where: { id: studyId } })).suppressionK).toBe(50);

  const href = await page.getByRole("link", { name: "Download these tables as CSV" }).getAttribute("href");
  const res = await page.request.get(href!);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("text/csv");
  const csv = await res.text();
  expect(csv).toContain("Respondents in scope,< 50");
  expect(csv).toMatch(/It is changing only between individual countries,< 50,< 50/);
  const audit = await prisma.auditEvent.findFirst({ where: { action: "export.aggregates", entityId: studyId, actorId: coordinator.id } });
  expect(audit?.after).toMatchObject({ includeInProgress: true });
});
