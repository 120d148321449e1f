import { expect, signInAsExpert, test } from "./fixtures";
import { seriousViolations } from "./page-checks";
import { answerEverything } from "./questionnaire-driver";

const LABELS = {
  ru: { start: "Прочитать заявление о согласии", accept: "Я согласен(на) участвовать", next: "Далее", finish: "Проверить ответы", submit: "Отправить ответы" },
  en: { start: "Read the consent statement", accept: "I agree to take part", next: "Next", finish: "Review answers", submit: "Submit answers" },
};

for (const lang of ["ru", "en"] as const) {
  test(`every page of the expert's flow passes axe in ${lang === "ru" ? "Russian" : "English"}`, async ({ page, makeExpert, questionnaire }) => {
    test.setTimeout(180_000);
    const expert = await makeExpert({ language: lang });
    await page.goto(expert.link);
    expect(await seriousViolations(page), "invitation page").toEqual([]);
    await signInAsExpert(page, expert);
    expect(await seriousViolations(page), "expert home").toEqual([]);
    await page.getByRole("link", { name: LABELS[lang].start }).click();
    expect(await seriousViolations(page), "consent").toEqual([]);
    await page.getByRole("button", { name: LABELS[lang].accept }).click();
    await expect(page).toHaveURL(/questionnaire$/);
    for (const section of questionnaire.sections) {
      await page.getByRole("button", { name: section.title[lang], exact: true }).click();
      expect(await seriousViolations(page), `section ${section.code}`).toEqual([]);
    }
    await page.getByRole("button", { name: questionnaire.sections[0]!.title[lang], exact: true }).click();
    await answerEverything(page, questionnaire, LABELS[lang]);
    expect(await seriousViolations(page), "review").toEqual([]);
    await page.getByRole("button", { name: LABELS[lang].submit }).click();
    await expect(page).toHaveURL(/thanks$/);
    expect(await seriousViolations(page), "thank-you page").toEqual([]);
  });
}

test("the questionnaire can be answered with the keyboard alone", async ({ page, makeExpert, questionnaire }) => {
  const expert = await makeExpert();
  await signInAsExpert(page, expert);
  await page.goto("/expert/consent");
  await page.getByRole("button", { name: LABELS.en.accept }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/questionnaire$/);
  const first = questionnaire.sections[0]!.items.find((i) => i.type === "single")!;
  const radios = page.locator(`[id="item-${first.code}"] input[type="radio"]`);
  await radios.nth(0).focus();
  await page.keyboard.press("Space");
  await expect(radios.nth(0)).toBeChecked();
  await page.keyboard.press("ArrowDown");
  await expect(radios.nth(1)).toBeChecked();
  await expect(page.getByTestId("save-status")).toHaveText("All answers saved");
});

test("every section of the questionnaire fits a 360 px wide phone without horizontal scrolling", async ({ browser, makeExpert, questionnaire }) => {
  const context = await browser.newContext({ baseURL: process.env.BASE_URL, viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const expert = await makeExpert();
  await signInAsExpert(page, expert);
  await page.goto("/expert/consent");
  await page.getByRole("button", { name: LABELS.en.accept }).click();
  await expect(page).toHaveURL(/questionnaire$/);
  for (const section of questionnaire.sections) {
    // On a phone the section list is folded into one line: open it, then choose.
    await page.locator("details.section-list > summary").click();
    await page.getByRole("button", { name: section.title.en, exact: true }).click();
    await expect(page.locator(`[id="section-${section.code}"]`)).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `section ${section.code}`).toBeLessThanOrEqual(0);
  }
  await context.close();
});
