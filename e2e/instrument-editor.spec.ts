import { contentHash } from "@/lib/instrument/canonical";
import { createInstrumentWith } from "@/lib/instrument/create";
import { expect, signInAsStaff, test } from "./fixtures";

test("a coordinator builds an instrument, previews it in both languages, publishes it, and editing it makes a new draft", async ({ page, prisma, studyId, makeStaff }) => {
  test.setTimeout(120_000);
  const coordinator = await makeStaff("COORDINATOR");
  await signInAsStaff(page, coordinator);
  await page.getByRole("link", { name: "Instruments" }).click();
  const name = `Pilot ${Date.now()}`;
  // The page also has the import and copy forms: the new-draft form is the one with "Create draft".
  const create = page.locator("form").filter({ has: page.getByRole("button", { name: "Create draft" }) });
  await create.getByLabel("Study").selectOption(studyId);
  await create.getByLabel("Kind").selectOption("questionnaire");
  await create.getByLabel("Name").fill(name);
  await create.getByRole("button", { name: "Create draft" }).click();
  await expect(page).toHaveURL(/\/edit$/);

  // Q1: a single choice with two options, in both languages.
  await page.getByLabel("Item Q1 text (Russian)").fill("Как изменяется взаимодействие?");
  await page.getByLabel("Item Q1 text (English)").fill("How is the interaction changing?");
  for (const [n, ru, en] of [
    [1, "Только между отдельными странами", "Only between individual countries"],
    [2, "Во всём ЕАЭС", "Throughout the EAEU"],
  ] as const) {
    await page.getByRole("button", { name: "Item Q1: Add option" }).click();
    await page.getByLabel(`Item Q1 option ${n} label (Russian)`).fill(ru);
    await page.getByLabel(`Item Q1 option ${n} label (English)`).fill(en);
  }
  const secondOption = await page.getByLabel("Item Q1 option 2 code").inputValue();

  // Q2: a scale shown only when the second option of Q1 is chosen.
  await page.getByRole("button", { name: "Section S1: Add item" }).click();
  await page.getByLabel("Item Q2 type").selectOption("scale");
  await page.getByLabel("Item Q2 text (Russian)").fill("Насколько оно эффективно?");
  await page.getByLabel("Item Q2 text (English)").fill("How effective is it?");
  await page.getByRole("button", { name: "Item Q2: Add condition" }).click();
  await page.getByLabel("Item Q2 condition 1 item").selectOption("Q1");
  await page.getByLabel("Item Q2 condition 1 comparison").selectOption("equals");
  await page.getByLabel("Item Q2 condition 1 value").selectOption(secondOption);

  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Saved.", { exact: true })).toBeVisible();

  // Preview: conditions work, and the language switches without losing the answers.
  await page.getByRole("link", { name: "Preview" }).click();
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByText("How is the interaction changing?")).toBeVisible();
  await expect(page.getByText("How effective is it?")).toHaveCount(0);
  await page.getByLabel("Throughout the EAEU").check();
  await expect(page.getByText("How effective is it?")).toBeVisible();
  await page.getByRole("button", { name: "Русский" }).click();
  await expect(page.getByText("Как изменяется взаимодействие?")).toBeVisible();
  await expect(page.getByLabel("Во всём ЕАЭС")).toBeChecked();
  await expect(page.getByText("Насколько оно эффективно?")).toBeVisible();

  // Publish.
  await page.getByRole("link", { name: "Back to the editor" }).click();
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page).toHaveURL(/\/coordinator\/instruments$/);
  await expect(page.getByTestId(`version-${name}-1`)).toContainText("Published");
  const v1 = await prisma.instrumentVersion.findFirstOrThrow({ where: { instrument: { name }, number: 1 } });
  expect(v1.status).toBe("PUBLISHED");
  expect(v1.contentHash).toBe(contentHash(v1.content));

  // Editing the published instrument makes a new draft; version 1 stays exactly as published.
  await page.getByTestId(`version-${name}-1`).getByRole("link", { name: "Open" }).click();
  await page.getByRole("button", { name: "Edit (new draft)" }).click();
  await expect(page.getByText(/version 2 · Draft/)).toBeVisible();
  await page.getByLabel("Item Q1 text (English)").fill("Is the nature of the interaction changing?");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Saved.", { exact: true })).toBeVisible();

  const versions = await prisma.instrumentVersion.findMany({ where: { instrument: { name } }, orderBy: { number: "asc" } });
  expect(versions.map((v) => [v.number, v.status])).toEqual([
    [1, "PUBLISHED"],
    [2, "DRAFT"],
  ]);
  expect(versions[0]!.content).toEqual(v1.content);
  expect(versions[0]!.contentHash).toBe(v1.contentHash);
  expect(JSON.stringify(versions[1]!.content)).toContain("Is the nature of the interaction changing?");
  expect(JSON.stringify(versions[0]!.content)).not.toContain("Is the nature of the interaction changing?");
});

test("an import with problems is refused whole, listing them", async ({ page, prisma, studyId, makeStaff }) => {
  const coordinator = await makeStaff("COORDINATOR");
  await signInAsStaff(page, coordinator);
  await expect(page).toHaveURL(/\/coordinator$/);
  await page.goto("/coordinator/instruments");
  const name = `Import ${Date.now()}`;
  const create = page.locator("form").filter({ has: page.getByRole("button", { name: "Create draft" }) });
  await create.getByLabel("Study").selectOption(studyId);
  await create.getByLabel("Name").fill(name);
  await create.getByRole("button", { name: "Create draft" }).click();
  await expect(page).toHaveURL(/\/edit$/);
  const before = await prisma.instrumentVersion.findFirstOrThrow({ where: { instrument: { name } } });

  const text = { ru: "Вопрос", en: "Question", source: "ru" };
  const file = {
    format: "expert-panel/instrument",
    formatVersion: 1,
    definition: {
      kind: "questionnaire",
      title: text,
      sections: [{ code: "S1", title: text, items: [{ code: "Q1", type: "single", text, options: [] }, { code: "Q1", type: "scale", text, min: 5, max: 1 }] }],
    },
  };
  await page.getByLabel("Import JSON").setInputFiles({ name: "bad.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(file)) });
  const problems = page.locator("#ie-problems li");
  await expect(problems.filter({ hasText: "duplicate code" })).toHaveCount(1);
  await expect(problems.filter({ hasText: "choice list is empty" })).toHaveCount(1);
  await expect(problems.filter({ hasText: "min (5) must be less than max (1)" })).toHaveCount(1);
  const after = await prisma.instrumentVersion.findMany({ where: { instrument: { name } } });
  expect(after).toHaveLength(1);
  expect(after[0]!.content).toEqual(before.content);
});

test("a large questionnaire opens with its items folded under an outline of its sections; an item's fields appear when it is opened", async ({ page, prisma, studyId, questionnaire, makeStaff }) => {
  const coordinator = await makeStaff("COORDINATOR");
  const { versionId } = await prisma.$transaction((tx) =>
    createInstrumentWith(tx, { studyId, kind: "questionnaire", name: `Large ${Date.now()}`, definition: questionnaire, actorId: null }),
  );
  await signInAsStaff(page, coordinator);
  await page.waitForURL("**/coordinator");
  await page.goto(`/coordinator/instruments/${versionId}/edit`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(questionnaire.title.en);

  const items = questionnaire.sections.flatMap((s) => s.items);
  const outline = page.getByRole("navigation", { name: "Outline of the sections" });
  await expect(outline.getByRole("button")).toHaveCount(questionnaire.sections.length);
  await expect(page.locator("details.ie-item")).toHaveCount(items.length);
  await expect(page.locator("details.ie-item[open]")).toHaveCount(0);
  // Folded, the form holds the questionnaire's and sections' own fields only, not thousands.
  expect(await page.locator("form input, form select, form textarea").count()).toBeLessThan(200);

  const matrix = items.find((i) => i.type === "matrix")!;
  const summary = page.locator(`details[id$=".items[${questionnaire.sections[0]!.items.indexOf(matrix)}]"] > summary`).first();
  await expect(summary).toContainText(`Item ${matrix.code}`);
  await expect(summary).toContainText(matrix.text.en);
  await summary.click();
  await expect(page.getByLabel(`Item ${matrix.code} type`)).toHaveValue("matrix");

  const last = questionnaire.sections.at(-1)!;
  await outline.getByRole("button", { name: `${last.code} · ${last.title.en}` }).click();
  await expect(page.locator(`[id="sections[${questionnaire.sections.length - 1}]"]`)).toBeInViewport();
});
