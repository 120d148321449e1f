import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { createStudy, expect, signInAsExpert, signInAsStaff, test } from "./fixtures";
import { answerEverything } from "./questionnaire-driver";

const LABELS = { start: "Read the consent statement", accept: "I agree to take part", next: "Next", finish: "Review answers", submit: "Submit answers", thanks: "Thank you!" };

/** How quickly a number must follow an event on the open page, without a reload. */
const LIVE = { timeout: 2_000 };

/** Serious and critical axe violations on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

const stageCount = async (page: Page, stage: string) => Number(await page.getByTestId(`funnel-${stage}-count`).textContent());

test("the monitoring page follows an expert's link, consent and submission live, with the cell's target progress", async ({ page, browser, prisma, questionnaire, makeStaff, makeExpert }) => {
  test.setTimeout(180_000);
  // A study of its own: the cell's figures start from zero whatever other tests did.
  const studyId = await createStudy(prisma, questionnaire);
  const [coordinator, expert] = await Promise.all([makeStaff("COORDINATOR", { studyIds: [studyId] }), makeExpert({ country: "KG", studyId })]);
  await signInAsStaff(page, coordinator);
  await page.waitForURL("**/coordinator");
  await page.getByRole("link", { name: "Monitoring" }).click();
  await page.waitForURL("**/coordinator/monitor");
  await page.goto(`/coordinator/monitor?study=${studyId}`);
  await expect(page.locator("[data-live-status=live]")).toBeVisible();
  // A marker that a reload would wipe out.
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

  const cell = page.getByTestId("grid-KG-SCIENTIST");
  await expect(cell).toHaveText("0 completed (0 started), no target");

  // The coordinator sets the cell's target on the page.
  await page.getByLabel("Target for Kyrgyz Republic, Scientist").fill("2");
  await page.getByRole("button", { name: "Save targets" }).click();
  await expect(page.getByText("Targets saved.")).toBeVisible();
  await expect(cell).toHaveText("0 of 2 (0 started)");

  const before = { opened: await stageCount(page, "opened"), started: await stageCount(page, "started"), completed: await stageCount(page, "completed") };

  // The expert, in another browser, opens the link and accepts consent.
  const expertContext = await browser.newContext();
  const expertPage = await expertContext.newPage();
  await signInAsExpert(expertPage, expert);
  await expect(page.getByTestId("funnel-opened-count")).toHaveText(String(before.opened + 1), LIVE);
  await expertPage.getByRole("link", { name: LABELS.start }).click();
  await expertPage.getByRole("button", { name: LABELS.accept }).click();
  await expect(expertPage).toHaveURL(/\/expert\/questionnaire$/);
  await expect(page.getByTestId("funnel-started-count")).toHaveText(String(before.started + 1), LIVE);
  await expect(cell).toHaveText("0 of 2 (1 started)", LIVE);
  await expect(page.getByTestId("cell-KG-SCIENTIST-started")).toContainText("1 (100%)");

  // The expert answers everything and submits.
  await answerEverything(expertPage, questionnaire, LABELS);
  await expertPage.getByRole("button", { name: LABELS.submit }).click();
  await expect(expertPage.getByRole("heading", { level: 1 })).toHaveText(LABELS.thanks);
  await expect(page.getByTestId("funnel-completed-count")).toHaveText(String(before.completed + 1), LIVE);
  await expect(cell).toHaveText("1 of 2 (1 started)", LIVE);
  await expect(page.getByTestId("cell-KG-SCIENTIST")).toContainText("50%");
  await expertContext.close();

  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  expect(await seriousViolations(page), "monitoring page").toEqual([]);
  expect(await prisma.expert.findUniqueOrThrow({ where: { id: expert.expertId } })).toMatchObject({ status: "COMPLETED", linkOpenedAt: expect.any(Date) });
});

test("the audit log lists the coordinator's sign-in and target change in words, with old and new values as named fields, filtered and paged; sign-out is recorded", async ({ page, prisma, studyId, makeStaff }) => {
  const coordinator = await makeStaff("COORDINATOR");
  await signInAsStaff(page, coordinator);
  await page.waitForURL("**/coordinator");
  const headers = { origin: new URL(page.url()).origin, "content-type": "application/json" };
  const put = (target: number) => page.request.put(`/api/coordinator/studies/${studyId}/targets`, { headers, data: { targets: [{ country: "RU", expertGroup: "NONPROFIT", target }] } });
  expect((await put(3)).status()).toBe(200);
  expect((await put(4)).status()).toBe(200);
  expect((await page.request.put(`/api/coordinator/studies/${studyId}/targets`, { headers, data: { targets: [{ country: "RU", expertGroup: "NOBODY", target: 1 }] } })).status()).toBe(400);

  await page.goto("/coordinator/audit");
  await page.getByLabel("Person (name or e-mail)").fill(coordinator.email);
  await page.getByRole("button", { name: "Apply filters" }).click();
  const table = page.getByRole("table", { name: "Audit entries matching the filters, newest first" });
  const rows = table.locator("tbody tr");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText("Targets changed");
  await expect(rows.nth(0)).toContainText("Target: 3; Country: Russian Federation; Group: Non-profit leader");
  await expect(rows.nth(0)).toContainText("Target: 4");
  await expect(rows.nth(0)).not.toContainText("targets.update");
  // Times on the 24-hour clock, as in the rest of the app ("21:56:43", not "9:56:43 PM").
  await expect(rows.nth(0).locator("time")).toHaveText(/\b\d{1,2}:\d{2}:\d{2}$/);
  await expect(rows.nth(2)).toContainText("Signed in");
  await expect(rows.nth(2)).not.toContainText("auth.sign_in");

  expect(await seriousViolations(page), "audit page").toEqual([]);

  // Filter by action prefix, then page one entry at a time.
  await page.goto(`/coordinator/audit?actor=${encodeURIComponent(coordinator.email)}&action=targets.`);
  await expect(rows).toHaveCount(2);
  await page.goto(`/coordinator/audit?actor=${encodeURIComponent(coordinator.email)}&limit=1`);
  await expect(rows).toHaveCount(1);
  await page.getByRole("link", { name: "Older entries" }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Target: 3");
  await expect(rows.first()).not.toContainText("Target: 4");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect.poll(() => prisma.auditEvent.count({ where: { actorId: coordinator.id, action: "auth.sign_out" } })).toBe(1);
  const signIn = await prisma.auditEvent.findFirstOrThrow({ where: { actorId: coordinator.id, action: "auth.sign_in" } });
  expect(JSON.stringify([signIn.before, signIn.after])).not.toContain(coordinator.password);
});
