import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";
import { DEFAULT_TEMPLATES, LANGUAGES, MESSAGE_KINDS } from "@/lib/messaging/templates";
import { expect, signInAsStaff, test } from "./fixtures";

// The e2e app runs without SMTP_URL: messages are delivered to the in-app outbox, where the
// coordinator reads them, link included.

const LINK = /https?:\/\/[^\s]+\/invite\/[A-Za-z0-9_-]{43}/;

/** Opens a message from the delivery table once it is sent, and returns the sign-in link in its text. */
async function readOutboxLink(page: Page, row: ReturnType<Page["getByTestId"]>): Promise<string> {
  await expect(row.locator(".msg-badge")).toHaveText("Sent", { timeout: 20_000 });
  await expect(row).toContainText("Outbox");
  await row.getByRole("link", { name: "Open" }).click();
  const body = page.getByTestId("message-body");
  await expect(body).toContainText("Dear ");
  const link = LINK.exec((await body.textContent()) ?? "")?.[0];
  expect(link).toBeTruthy();
  return link!;
}

/** Serious and critical axe violations on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`);
}

async function openLinkElsewhere(browser: Browser, link: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  return { context, page };
}

test("a coordinator invites an expert, reads the outbox, and the links work once; re-sent and re-issued links replace old ones", async ({
  page,
  browser,
  prisma,
  studyId,
  makeStaff,
  makeExpert,
}) => {
  const coordinator = await makeStaff("COORDINATOR");
  const expert = await makeExpert({ language: "en" });
  await prisma.expert.update({ where: { id: expert.expertId }, data: { status: "VETTED" } });
  const name = (await prisma.user.findUniqueOrThrow({ where: { id: expert.userId } })).name;

  await signInAsStaff(page, coordinator);
  await page.waitForURL(/\/coordinator$/);
  await page.goto(`/coordinator/messages?study=${studyId}`);
  await expect(page.getByRole("heading", { level: 1, name: "Messages" })).toBeVisible();
  await page.getByLabel(`Select Expert ${expert.pseudonym} ${name}`).check();
  await page.getByRole("button", { name: "Invite selected (1)" }).click();
  await expect(page.locator('[role="status"]:not([data-live-status])')).toHaveText("1 message queued.");

  const row = () => page.getByRole("row").filter({ hasText: name }).filter({ hasText: "Invitation" });
  await expect(row()).toHaveCount(1);
  expect(await seriousViolations(page), "delivery page").toEqual([]);
  const first = await readOutboxLink(page, row());
  await expect(page.getByTestId("message-subject")).toHaveText("Invitation to the expert survey “E2E study”");
  expect(await seriousViolations(page), "message page").toEqual([]);

  // The link from the outbox signs the expert in, in another browser.
  const expertSide = await openLinkElsewhere(browser, first);
  await expertSide.page.getByRole("button", { name: "Continue to the study" }).click();
  await expertSide.page.waitForURL("**/expert");
  await expertSide.context.close();
  expect((await prisma.expert.findUniqueOrThrow({ where: { id: expert.expertId } })).status).not.toBe("VETTED");

  // Re-send from the message page: a second message with a new link.
  await page.getByRole("button", { name: "Re-send" }).click();
  await expect(page.locator('[role="status"]:not([data-live-status])')).toContainText("A new message is queued");
  await page.goto(`/coordinator/messages?study=${studyId}`);
  await expect(row()).toHaveCount(2);
  const second = await readOutboxLink(page, row().first());
  expect(second).not.toBe(first);

  // Re-issue: the re-sent link stops working and says so.
  await page.getByRole("button", { name: "Re-issue link" }).click();
  await expect(page.getByText("New single-use link")).toBeVisible();
  const replaced = await openLinkElsewhere(browser, second);
  await expect(replaced.page.getByText(/This link has been replaced by a newer one/)).toBeVisible();
  await replaced.context.close();
  const used = await openLinkElsewhere(browser, first);
  await expect(used.page.getByText("This link has already been used.")).toBeVisible();
  await used.context.close();
});

test("templates are edited side by side and unknown placeholders are refused", async ({ page, studyId, makeStaff, prisma }) => {
  const coordinator = await makeStaff("COORDINATOR");
  await signInAsStaff(page, coordinator);
  await page.waitForURL(/\/coordinator$/);
  await page.goto(`/coordinator/messages/templates?study=${studyId}`);
  const subject = page.locator("#tpl-INVITATION-en-subject");
  await expect(subject).toBeVisible();
  expect(await seriousViolations(page), "templates page").toEqual([]);
  await subject.fill("Hello {{firstName}} from {{study}}");
  await page.getByRole("button", { name: "Save templates" }).click();
  await expect(page.getByText("Unknown placeholder: {{firstName}}")).toBeVisible();
  await subject.fill("Hello {{name}}: {{study}}");
  await page.getByRole("button", { name: "Save templates" }).click();
  await expect(page.locator('[role="status"]:not([data-live-status])')).toHaveText("Saved.");
  const saved = await prisma.messageTemplate.findUniqueOrThrow({ where: { studyId_kind_language: { studyId, kind: "INVITATION", language: "en" } } });
  expect(saved.subject).toBe("Hello {{name}}: {{study}}");
  await prisma.messageTemplate.delete({ where: { studyId_kind_language: { studyId, kind: "INVITATION", language: "en" } } });
});

test("the API refuses unknown placeholders (400) and inviting a nominated expert (409)", async ({ page, studyId, makeStaff, makeExpert, prisma }) => {
  const coordinator = await makeStaff("COORDINATOR");
  await signInAsStaff(page, coordinator);
  await page.waitForURL(/\/coordinator$/);
  const headers = { origin: process.env.BASE_URL! };
  const templates = MESSAGE_KINDS.flatMap((kind) => LANGUAGES.map((language) => ({ kind, language, ...DEFAULT_TEMPLATES[kind][language] })));
  templates[1] = { ...templates[1]!, body: `${templates[1]!.body}\n{{password}}` };
  const bad = await page.request.put(`/api/coordinator/studies/${studyId}/message-templates`, { data: { templates }, headers });
  expect(bad.status()).toBe(400);
  expect(JSON.stringify(await bad.json())).toContain("{{password}}");
  expect(await prisma.messageTemplate.count({ where: { studyId } })).toBe(0);

  const nominated = await makeExpert();
  const refused = await page.request.post("/api/coordinator/messages/invitations", { data: { studyId, expertIds: [nominated.expertId] }, headers });
  expect(refused.status()).toBe(409);
  expect((await refused.json()).error.message).toContain("NOMINATED");
  expect(await prisma.message.count({ where: { expertId: nominated.expertId } })).toBe(0);
});
