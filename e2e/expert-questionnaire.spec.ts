import type { Page } from "@playwright/test";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TAnswers } from "@/lib/instrument/answers";
import { expect, signInAsExpert, test, type TExpert } from "./fixtures";
import { freePort } from "@/scripts/lib/net";
import { startNextServer, stopChild, waitForHealthy } from "@/scripts/lib/server";
import { answerEverything, answerItem, answerSection } from "./questionnaire-driver";

const LABELS = {
  ru: { start: "Прочитать заявление о согласии", accept: "Я согласен(на) участвовать", next: "Далее", finish: "Проверить ответы", submit: "Отправить ответы", saved: "Все ответы сохранены", thanks: "Спасибо!" },
  en: { start: "Read the consent statement", accept: "I agree to take part", next: "Next", finish: "Review answers", submit: "Submit answers", saved: "All answers saved", thanks: "Thank you!" },
};

async function storedAnswers(prisma: PrismaClient, expertId: string): Promise<TAnswers> {
  const rows = await prisma.answer.findMany({ where: { response: { expertId } } });
  return Object.fromEntries(rows.filter((r) => r.value !== null).map((r) => [r.itemCode, r.value])) as TAnswers;
}

async function openQuestionnaire(page: Page, expert: TExpert, lang: "ru" | "en") {
  await signInAsExpert(page, expert);
  await page.getByRole("link", { name: LABELS[lang].start }).click();
  await page.getByRole("button", { name: LABELS[lang].accept }).click();
  await expect(page).toHaveURL(/\/expert\/questionnaire$/);
}

const saved = (page: Page, lang: "ru" | "en" = "en") => expect(page.getByTestId("save-status")).toHaveText(LABELS[lang].saved);

for (const lang of ["ru", "en"] as const) {
  test(`an expert completes the whole questionnaire in ${lang === "ru" ? "Russian" : "English"} and the stored answers equal what was entered`, async ({ page, prisma, questionnaire, makeExpert }) => {
    test.setTimeout(180_000);
    const expert = await makeExpert({ language: lang });
    await openQuestionnaire(page, expert, lang);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(questionnaire.title[lang]);

    const entered = await answerEverything(page, questionnaire, LABELS[lang], lang === "ru" ? 0 : 1);
    await page.getByRole("button", { name: LABELS[lang].submit }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(LABELS[lang].thanks);

    expect(await storedAnswers(prisma, expert.expertId)).toEqual(entered);
    const response = await prisma.response.findFirstOrThrow({ where: { expertId: expert.expertId } });
    expect(response.status).toBe("SUBMITTED");
    const consent = await prisma.consent.findFirstOrThrow({ where: { expertId: expert.expertId } });
    expect(consent).toMatchObject({ decision: "ACCEPTED", textVersion: 1, language: lang });
  });
}

test("answers given with the network down survive a reload and are stored when the network is back", async ({ page, context, prisma, questionnaire, makeExpert }) => {
  const expert = await makeExpert();
  await openQuestionnaire(page, expert, "en");
  const items = questionnaire.sections[0]!.items.filter((i) => i.type !== "display" && !i.showIf);
  const before: TAnswers = {};
  before[items[0]!.code] = await answerItem(page, items[0]!);
  await saved(page);
  // Let the service worker take charge of the page, so it can be reloaded offline.
  await expect.poll(() => page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration("/expert/"))?.active))).toBe(true);

  await context.setOffline(true);
  const offline: TAnswers = {};
  let count = 0;
  for (const section of questionnaire.sections) {
    for (const item of section.items) {
      if (count === 10) break;
      if (item.type === "display" || item.code in before || (await page.locator(`[id="item-${item.code}"]`).count()) === 0) continue;
      offline[item.code] = await answerItem(page, item, 1);
      count++;
    }
    if (count === 10) break;
    await page.getByRole("button", { name: "Next", exact: true }).click();
  }
  expect(count).toBe(10);
  await expect(page.getByTestId("save-status")).toContainText("Offline");

  await page.reload();
  await expect(page.getByTestId("save-status")).toContainText(/Offline|Saving/);
  // The reload comes back to the section the expert was in; the first answer is in the first one.
  const lastSection = questionnaire.sections.findLast((s) => s.items.some((i) => i.code in offline))!;
  await expect(page.locator(`[id="section-${lastSection.code}"]`)).toBeVisible();
  await page.getByRole("button", { name: questionnaire.sections[0]!.title.en }).click();
  const first = items[0]!;
  const value = (before[first.code] as { value?: number; choice?: string });
  await expect(page.locator(`[id="${first.code}-${value.choice ?? value.value}"]`)).toBeChecked();
  // The review step was fetched in the background once the first answer was saved: it opens offline.
  const finish = page.getByRole("button", { name: LABELS.en.finish, exact: true });
  while (!(await finish.isVisible())) await page.getByRole("button", { name: LABELS.en.next, exact: true }).click();
  await finish.click();
  await expect(page.getByRole("heading", { name: "Review your answers" })).toBeVisible();

  await context.setOffline(false);
  await saved(page);
  await expect.poll(() => storedAnswers(prisma, expert.expertId)).toEqual({ ...before, ...offline });
});

test("two tabs editing the same item end with the last acknowledged value, shown in both", async ({ page, context, prisma, questionnaire, makeExpert }) => {
  const expert = await makeExpert();
  await openQuestionnaire(page, expert, "en");
  const item = questionnaire.sections[0]!.items.find((i) => i.type === "scale")!;
  const second = await context.newPage();
  await second.goto("/expert/questionnaire");

  await answerItem(page, item, 0);
  await saved(page);
  const last = await answerItem(second, item, 3);
  await saved(second);

  await expect.poll(async () => (await storedAnswers(prisma, expert.expertId))[item.code]).toEqual(last);
  const value = (last as { value: number }).value;
  await expect(page.locator(`[id="${item.code}-${value}"]`)).toBeChecked();
  await expect(second.locator(`[id="${item.code}-${value}"]`)).toBeChecked();
});

test("when the session expires mid-questionnaire, nothing is lost after signing in again through a new link", async ({ page, prisma, questionnaire, makeExpert, issueLink }) => {
  const expert = await makeExpert();
  await openQuestionnaire(page, expert, "en");
  const entered: TAnswers = {};
  const items = questionnaire.sections[0]!.items.filter((i) => i.type !== "display" && !i.showIf);
  for (const item of items.slice(0, 3)) entered[item.code] = await answerItem(page, item);
  await saved(page);

  await prisma.authSession.updateMany({ where: { userId: expert.userId }, data: { expiresAt: new Date(Date.now() - 1000) } });
  for (const item of items.slice(3, 6)) entered[item.code] = await answerItem(page, item);
  await expect(page.getByTestId("save-status")).toContainText("session has ended");

  const link = await issueLink(expert.expertId);
  await page.goto(link);
  await page.getByRole("button", { name: "Continue to the study" }).click();
  await page.waitForURL("**/expert");
  await page.goto("/expert/questionnaire");
  await saved(page);
  await expect.poll(() => storedAnswers(prisma, expert.expertId)).toEqual(entered);
});

test("the server refuses a submission with a required item missing, even when the client check is skipped", async ({ page, prisma, questionnaire, makeExpert }) => {
  const expert = await makeExpert();
  await openQuestionnaire(page, expert, "en");
  await answerSection(page, questionnaire, 0, {});
  await saved(page);

  const res = await page.request.post("/api/expert/submit", { headers: { origin: process.env.BASE_URL! } });
  expect(res.status()).toBe(422);
  const body = await res.json();
  const failing = body.error.details.problems.map((p: { item: string }) => p.item);
  const requiredLater = questionnaire.sections[1]!.items.filter((i) => i.required && !i.showIf).map((i) => i.code);
  expect(failing).toEqual(expect.arrayContaining(requiredLater));
  expect((await prisma.response.findFirstOrThrow({ where: { expertId: expert.expertId } })).status).toBe("IN_PROGRESS");

  // The review step lists the same problems with links to them.
  const section = questionnaire.sections.length - 1;
  await page.getByRole("button", { name: questionnaire.sections[section]!.title.en }).click();
  await page.getByRole("button", { name: "Review answers" }).click();
  await expect(page.getByTestId("review-problems").getByRole("listitem")).toHaveCount(failing.length);
  await page.getByTestId("review-problems").getByRole("button").first().click();
  await expect(page.locator(`[id="item-${failing[0]}"]`)).toBeVisible();
});

test("answers survive the server being killed mid-questionnaire: acknowledged ones are kept, later ones are queued and sent", async ({ browser, prisma, questionnaire, makeExpert }) => {
  test.setTimeout(120_000);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = { ...process.env, NEXTAUTH_URL: base };
  let server = startNextServer({ port, host: "127.0.0.1", env, quiet: true });
  const context = await browser.newContext({ baseURL: base });
  try {
    await waitForHealthy(base, server);
    const page = await context.newPage();
    const expert = await makeExpert();
    await openQuestionnaire(page, expert, "en");
    const items = questionnaire.sections[0]!.items.filter((i) => i.type !== "display" && !i.showIf);
    const entered: TAnswers = {};
    for (const item of items.slice(0, 3)) entered[item.code] = await answerItem(page, item);
    await saved(page);

    await stopChild(server, "SIGKILL");
    for (const item of items.slice(3, 6)) entered[item.code] = await answerItem(page, item);
    await expect(page.getByTestId("save-status")).toContainText("Offline");
    expect(Object.keys(await storedAnswers(prisma, expert.expertId))).toHaveLength(3);

    server = startNextServer({ port, host: "127.0.0.1", env, quiet: true });
    await waitForHealthy(base, server);
    await expect(page.getByTestId("save-status")).toHaveText(LABELS.en.saved, { timeout: 30_000 });
    await expect.poll(() => storedAnswers(prisma, expert.expertId)).toEqual(entered);
    expect(await prisma.answer.count({ where: { response: { expertId: expert.expertId } } })).toBe(6);
  } finally {
    await context.close();
    await stopChild(server);
  }
});

/** Puts text into a field as pasting would, NUL included (typing cannot produce one). */
async function pasteRaw(page: Page, selector: string, text: string) {
  await page.locator(selector).evaluate((el, value) => {
    const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, "value")!.set!.call(el, value);
    el.dispatchEvent(new Event("input", { bubbles: true }));
  }, text);
}

test("an answer the server refuses for good is marked on its question, holds back no other answer, and once discarded the questionnaire is submitted", async ({ page, prisma, questionnaire, makeExpert }) => {
  test.setTimeout(180_000);
  const expert = await makeExpert();
  await openQuestionnaire(page, expert, "en");
  const entered = await answerEverything(page, questionnaire, LABELS.en);
  await saved(page);
  await page.getByRole("button", { name: "Back to the questions" }).click();

  // A text answer with a NUL in it (pasted from somewhere): PostgreSQL cannot store it, so the server refuses it.
  const sectionIndex = questionnaire.sections.findIndex((s) => s.items.some((i) => i.type === "text" && i.code in entered));
  const section = questionnaire.sections[sectionIndex]!;
  const text = section.items.find((i) => i.type === "text" && i.code in entered)!;
  // Another answer of the section, one no condition depends on (so the text item stays shown).
  const conditions = new Set(questionnaire.sections.flatMap((s) => [...(s.showIf ?? []), ...s.items.flatMap((i) => i.showIf ?? [])].map((c) => c.item)));
  const other = section.items.find((i) => (i.type === "scale" || i.type === "single") && i.code in entered && !conditions.has(i.code))!;
  await page.locator(".section-list button", { hasText: section.title.en }).first().click();
  await pasteRaw(page, `[id="${text.code}-input"]`, "Pasted\u0000 from a PDF");
  const refusal = page.getByTestId(`refusal-${text.code}`);
  await expect(refusal).toContainText("a character that cannot be stored");
  await expect(page.getByTestId("save-status")).toHaveText("An answer was not saved — see the marked question");

  // Later answers still go through.
  const changed = await answerItem(page, other, 2);
  await expect.poll(async () => (await storedAnswers(prisma, expert.expertId))[other.code]).toEqual(changed);
  await expect(page.getByTestId("save-status")).toHaveText("An answer was not saved — see the marked question");

  // After a reload the refusal is still shown, and nothing waits to be sent.
  await page.reload();
  await expect(page.getByTestId("save-status")).toHaveText("An answer was not saved — see the marked question");
  await page.locator(".section-list button", { hasText: section.title.en }).first().click();
  await expect(refusal).toBeVisible();
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("expert-panel.autosave.")).map((k) => (JSON.parse(localStorage.getItem(k)!) as { pending: unknown[] }).pending.length))).toEqual([0]);

  // The review lists it, and submitting waits until it is corrected or discarded.
  const finish = page.getByRole("button", { name: LABELS.en.finish, exact: true });
  while (!(await finish.isVisible())) await page.getByRole("button", { name: LABELS.en.next, exact: true }).click();
  await finish.click();
  await expect(page.getByTestId("review-refused")).toContainText(text.code);
  await page.getByRole("button", { name: LABELS.en.submit }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Some answers were not saved" })).toBeVisible();
  await page.getByTestId("review-refused").getByRole("button").first().click();
  await refusal.getByRole("button", { name: "Discard this change" }).click();
  await expect(refusal).toHaveCount(0);
  await expect(page.locator(`[id="${text.code}-input"]`)).toHaveValue((entered[text.code] as { text: string }).text);
  await saved(page);

  while (!(await finish.isVisible())) await page.getByRole("button", { name: LABELS.en.next, exact: true }).click();
  await finish.click();
  await page.getByRole("button", { name: LABELS.en.submit }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(LABELS.en.thanks);
  expect(await storedAnswers(prisma, expert.expertId)).toEqual({ ...entered, [other.code]: changed });
});
