import type { Page } from "@playwright/test";
import { createStudy, expect, signInAsExpert, test, type TExpert } from "./fixtures";
import { answerSection } from "./questionnaire-driver";

/** Where the questionnaire reads well: a reload keeps the section, small screens, matrices, the review. */

async function openQuestionnaire(page: Page, expert: TExpert) {
  await signInAsExpert(page, expert);
  await page.getByRole("link", { name: "Read the consent statement" }).click();
  await page.getByRole("button", { name: "I agree to take part" }).click();
  await expect(page).toHaveURL(/\/expert\/questionnaire$/);
}

const sectionHeading = (page: Page, code: string) => page.locator(`[id="section-${code}"]`);

test("a reload returns to the section the expert was in, and the section list shows each section's completion", async ({ page, questionnaire, makeExpert }) => {
  const expert = await makeExpert();
  await openQuestionnaire(page, expert);
  const [s1, s2, s3] = questionnaire.sections;
  await answerSection(page, questionnaire, 0, {});
  await expect(page.getByTestId("save-status")).toHaveText("All answers saved");
  await expect(page.getByTestId(`section-progress-${s1!.code}`)).toHaveText(/^✓ (\d+)\/\1$/);
  await expect(page.getByTestId(`section-progress-${s2!.code}`)).toHaveText(new RegExp(`^0/\\d+$`));

  await page.getByRole("button", { name: s3!.title.en }).click();
  await expect(sectionHeading(page, s3!.code)).toBeVisible();
  await page.reload();
  await expect(sectionHeading(page, s3!.code)).toBeVisible();
  await expect(page.getByRole("button", { name: s3!.title.en })).toHaveAttribute("aria-current", "step");

  // Leaving the questionnaire and continuing later comes back there too.
  await page.getByRole("button", { name: s2!.title.en }).click();
  await page.goto("/expert");
  await page.getByRole("link", { name: "Continue the questionnaire" }).click();
  await expect(sectionHeading(page, s2!.code)).toBeVisible();
});

test("a matrix says what its scale's ends mean once, not on every row", async ({ page, questionnaire, makeExpert }) => {
  const expert = await makeExpert();
  await openQuestionnaire(page, expert);
  const matrix = questionnaire.sections[0]!.items.find((i) => i.type === "matrix" && i.rows.length >= 10);
  if (matrix?.type !== "matrix") throw new Error("the EAEU questionnaire's first section has the country-pair matrix");
  const item = page.locator(`[id="item-${matrix.code}"]`);
  await expect(item.getByRole("radiogroup")).toHaveCount(matrix.rows.length);
  await expect(item.getByText(`${matrix.min} — ${matrix.minLabel!.en}`, { exact: true })).toHaveCount(1);
  await expect(item.getByText(`${matrix.max} — ${matrix.maxLabel!.en}`, { exact: true })).toHaveCount(1);
  // Screen readers still hear the ends' meaning on every row's end points.
  const lastRow = matrix.rows.at(-1)!;
  await expect(page.getByRole("radiogroup", { name: lastRow.label.en }).getByRole("radio", { name: `${matrix.max} (${matrix.maxLabel!.en})` })).toBeVisible();
});

test("the review lists what is missing grouped by section, each link and its message on one line", async ({ page, questionnaire, makeExpert }) => {
  const expert = await makeExpert();
  await openQuestionnaire(page, expert);
  await answerSection(page, questionnaire, 0, {});
  const last = questionnaire.sections.at(-1)!;
  await page.getByRole("button", { name: last.title.en }).click();
  await page.getByRole("button", { name: "Review answers" }).click();

  const review = page.getByTestId("review-problems");
  const groups = review.getByRole("heading", { level: 3 });
  await expect(groups.first()).toBeVisible();
  // The first section is answered: the groups are the later sections with required items, in order.
  const expected = questionnaire.sections
    .slice(1)
    .filter((s) => !s.showIf && s.items.some((i) => i.required && !i.showIf))
    .map((s) => s.title.en);
  await expect(groups).toHaveText(expected);

  for (const row of (await review.getByRole("listitem").all()).slice(0, 5)) {
    const link = (await row.getByRole("button").boundingBox())!;
    const message = (await row.locator(".review-message").boundingBox())!;
    const box = (await row.boundingBox())!;
    expect(Math.abs(link.x - box.x)).toBeLessThan(2);
    expect(Math.abs(link.y - message.y)).toBeLessThan(6);
    expect(link.height).toBeLessThan(40);
    await expect(row.locator(".review-message")).toHaveText("Please answer this question.");
  }
});

test.describe("at 360 px", () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  test("the first question is within the first screen, with the section list folded, and nothing overflows", async ({ page, prisma, questionnaire, makeExpert }) => {
    // A study whose title has a word longer than the screen is wide.
    const studyId = await createStudy(prisma, questionnaire);
    const longWord = "Interregionalcooperationandcrossborderinteractionassessment";
    await prisma.study.update({ where: { id: studyId }, data: { titleEn: `The ${longWord} study` } });
    const expert = await makeExpert({ studyId });
    await signInAsExpert(page, expert);
    await expect(page.getByText(longWord)).toBeVisible();
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    const title = page.locator("dl.facts dd").filter({ hasText: longWord });
    expect(await title.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);

    await page.getByRole("link", { name: "Read the consent statement" }).click();
    await page.getByRole("button", { name: "I agree to take part" }).click();
    await expect(page).toHaveURL(/\/expert\/questionnaire$/);

    const firstQuestion = questionnaire.sections[0]!.items.find((i) => i.type !== "display")!;
    const question = page.locator(`[id="${firstQuestion.code}-title"]`);
    await expect(question).toBeVisible();
    const box = (await question.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(740);
    await expect(page.locator("details.section-list")).not.toHaveAttribute("open");
    expect(await overflow()).toBeLessThanOrEqual(0);

    // The folded list opens, and choosing a section folds it again.
    const second = questionnaire.sections[1]!;
    await page.locator("details.section-list > summary").click();
    await page.getByRole("button", { name: second.title.en }).click();
    await expect(sectionHeading(page, second.code)).toBeVisible();
    await expect(page.locator("details.section-list")).not.toHaveAttribute("open");
  });
});
