import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { ZQuestionnaire } from "@/lib/instrument/definition";
import { demoAnswers } from "@/prisma/seed/demo-data";
import { createStudy, expect, signInAsStaff, test, type TExpert } from "./fixtures";

const RESPONDENTS = 6;

/** A study of its own with six submitted respondents (the demo seed's answers), so its figures are known. */
async function studyWithRespondents(prisma: PrismaClient, questionnaire: Parameters<typeof createStudy>[1], makeExpert: (o: { country: string; studyId: string }) => Promise<TExpert>) {
  const studyId = await createStudy(prisma, questionnaire);
  const version = await prisma.instrumentVersion.findFirstOrThrow({ where: { instrument: { studyId, kind: "QUESTIONNAIRE" }, status: "PUBLISHED" }, select: { id: true, instrumentId: true, content: true } });
  const countries = ["RU", "KZ", "BY", "AM", "KG", "RU"];
  const answers = demoAnswers(
    ZQuestionnaire.parse(version.content),
    countries.map((country) => ({ country, group: "SCIENTIST" as const, language: "en" as const, complete: true })),
  );
  for (const [i, country] of countries.entries()) {
    const expert = await makeExpert({ country, studyId });
    const response = await prisma.response.create({ data: { expertId: expert.expertId, instrumentId: version.instrumentId, versionId: version.id, status: "SUBMITTED", optionOrder: {}, submittedAt: new Date() } });
    await prisma.answer.createMany({ data: Object.entries(answers[i]!).map(([itemCode, value]) => ({ responseId: response.id, itemCode, value: value as object, revision: 1, mutationId: crypto.randomUUID() })) });
  }
  return studyId;
}

async function axeViolations(page: Page, include?: string[]) {
  let builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]);
  for (const selector of include ?? []) builder = builder.include(selector);
  const axe = await builder.analyze();
  return axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
}

test("the results page reads as a report: contents, jump links, collapsing, search and print", async ({ page, prisma, questionnaire, makeStaff, makeExpert }) => {
  test.setTimeout(120_000);
  const studyId = await studyWithRespondents(prisma, questionnaire, makeExpert);
  await signInAsStaff(page, await makeStaff("COORDINATOR", { studyIds: [studyId] }));
  await page.waitForURL("**/coordinator**");
  await page.goto(`/coordinator/results?study=${studyId}`);
  await expect(page.getByTestId("respondents")).toContainText(String(RESPONDENTS));
  // 58 charts render on a cold server here: the first may take a while.
  await expect(page.locator('[data-item="Q2"] .results-chart svg')).toBeVisible({ timeout: 30_000 });

  // Contents: the key figures first, then every section of the questionnaire, each one click away.
  const contents = page.getByRole("navigation", { name: "Contents" });
  await expect(contents.getByRole("link", { name: "Response funnel" })).toBeVisible();
  await contents.getByRole("link", { name: "Country pairs" }).click();
  await expect(page).toHaveURL(/#heatmap$/);
  await expect(page.getByRole("heading", { name: "Country pairs" })).toBeInViewport();
  await expect(page.locator('[data-table-id^="heatmap."]').first()).toBeVisible();
  await contents.getByRole("link", { name: "Cross-tab" }).click();
  await expect(page.getByRole("heading", { name: "Cross-tab", exact: true })).toBeInViewport();
  const sectionTitle = questionnaire.sections[1]!.title.en;
  await contents.getByRole("link", { name: sectionTitle }).click();
  await expect(page).toHaveURL(/#section-S2$/);
  await expect(page.getByRole("heading", { level: 2, name: sectionTitle })).toBeInViewport();
  await expect(page.getByTestId("results-funnel")).toContainText("Completed");
  await page.locator("#section-S2").getByRole("link", { name: "Back to contents" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Contents" })).toBeInViewport();

  // Sections collapse and expand.
  const q1 = page.locator('[data-item="Q1"]');
  await expect(q1).toBeVisible();
  await page.locator("#section-S1 > summary").click();
  await expect(q1).toBeHidden();
  await contents.getByRole("button", { name: "Expand all" }).click();
  await expect(q1).toBeVisible();
  await contents.getByRole("button", { name: "Collapse all" }).click();
  await expect(q1).toBeHidden();
  await expect(page.locator('[data-table-id^="heatmap."]').first()).toBeHidden();

  // Printing shows the whole report, sections open, without the contents or the controls.
  await page.emulateMedia({ media: "print" });
  await expect(q1).toBeVisible();
  await expect(page.locator('[data-table-id^="heatmap."]').first()).toBeVisible();
  await expect(contents).toBeHidden();
  await expect(page.getByRole("button", { name: "Apply filters" })).toBeHidden();
  await page.emulateMedia({ media: "screen" });
  await contents.getByRole("button", { name: "Expand all" }).click();

  // Search by code, then by words of the question; a search opens the sections it finds items in.
  const search = contents.getByRole("searchbox", { name: "Search items by code or words" });
  await contents.getByRole("button", { name: "Collapse all" }).click();
  await search.fill("Q12");
  await expect(page.getByTestId("search-status")).toHaveText("1 item matches.");
  await expect(page.locator('[data-item="Q12"]')).toBeVisible();
  await expect(q1).toBeHidden();
  await expect(page.locator("#section-S1")).toBeHidden();
  await search.fill("opinion nature changing");
  await expect(page.getByTestId("search-status")).toHaveText("1 item matches.");
  await expect(page.locator('[data-item="Q2"]')).toBeVisible();
  await expect(page.locator('[data-item="Q12"]')).toBeHidden();
  await search.fill("");
  await expect(page.getByTestId("search-status")).toHaveText("");
  await contents.getByRole("button", { name: "Expand all" }).click();
  await expect(q1).toBeVisible();

  // The report's own parts are accessible: contents, search, key figures, section headings (the items are checked below).
  await contents.getByRole("button", { name: "Collapse all" }).click();
  expect(await axeViolations(page)).toEqual([]);
});

test("each chart states its unit and base, spans its scale, and downloads; its table copies as TSV", async ({ page, browserName, prisma, questionnaire, makeStaff, makeExpert }) => {
  test.setTimeout(120_000);
  const studyId = await studyWithRespondents(prisma, questionnaire, makeExpert);
  // Suppression off for the labels (six respondents would hide most bases); the gaps come last, with k = 50.
  await prisma.study.update({ where: { id: studyId }, data: { suppressionK: 1 } });
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await signInAsStaff(page, await makeStaff("COORDINATOR", { studyIds: [studyId] }));
  await page.waitForURL("**/coordinator**");
  await page.goto(`/coordinator/results?study=${studyId}`);

  // A single choice: % of respondents, with its n, on the axis; percentages to one decimal.
  const q2 = page.locator('[data-item="Q2"]');
  await expect(q2.locator(".results-chart svg")).toContainText(`% of respondents, n = ${RESPONDENTS}`);
  await expect(q2.locator('[data-table-id="Q2"] tbody td:nth-child(3)').first()).toHaveText(/^(\d+\.\d|< \d+|—|–)$/);

  // A multiple choice: % of all answers (N) by default, switchable to % of respondents (n).
  const q7 = page.locator('[data-item="Q7"]');
  await expect(q7.locator(".results-chart svg")).toContainText(/% of all answers, N = \d+/);
  await q7.getByRole("radio", { name: "% of respondents" }).check();
  await expect(q7.locator(".results-chart svg")).toContainText(`% of respondents, n = ${RESPONDENTS}`);

  // Sorted by frequency, the table follows the chart: counts never rise going down.
  await q7.getByRole("checkbox", { name: "Sort by frequency" }).check();
  const counts = (await q7.locator('[data-table-id="Q7"] tbody td:nth-child(2)').allInnerTexts()).filter((c) => /^\d+$/.test(c)).map(Number);
  expect(counts.length).toBeGreaterThan(0);
  expect(counts).toEqual([...counts].sort((a, b) => b - a));

  // A matrix of 1–10 ratings: the axis runs from 1 to 10 and says so.
  const q5 = page.locator('[data-item="Q5"]');
  await expect(q5.locator(".results-chart svg")).toContainText(`Mean (1–10), n = ${RESPONDENTS}`);
  const ticks = await q5.locator(".results-chart .recharts-xAxis-tick-labels text").allTextContents();
  expect(ticks[0]).toBe("1");
  expect(ticks[ticks.length - 1]).toBe("10");
  // A percentage axis has round, even ticks from 0 (0, 20, 40… or 0, 25, 50…), never 0, 12, 24.
  const pctTicks = (await q2.locator(".results-chart .recharts-xAxis-tick-labels text").allTextContents()).map(Number);
  expect(pctTicks[0]).toBe(0);
  const step = pctTicks[1]! - pctTicks[0]!;
  expect([1, 2, 2.5, 4, 5, 10, 20, 25, 40, 50]).toContain(step);
  pctTicks.forEach((tick, i) => expect(tick).toBeCloseTo(i * step, 6));
  expect(pctTicks.at(-1)!).toBeLessThanOrEqual(100);

  // Downloads: the chart as a standalone SVG with its title and axis, and as a PNG.
  const [svgDownload] = await Promise.all([page.waitForEvent("download"), q2.getByRole("button", { name: /as SVG$/ }).click()]);
  expect(svgDownload.suggestedFilename()).toBe("results-Q2.svg");
  const svg = await readFile((await svgDownload.path())!, "utf8");
  expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svg).toContain("Q2: Answers by option");
  expect(svg).toContain(`% of respondents, n = ${RESPONDENTS}`);
  const [pngDownload] = await Promise.all([page.waitForEvent("download"), q2.getByRole("button", { name: /as PNG$/ }).click()]);
  expect(pngDownload.suggestedFilename()).toBe("results-Q2.png");
  const png = await readFile((await pngDownload.path())!);
  expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");

  // The table copies as tab-separated text, as shown.
  await q2.getByRole("button", { name: /^Copy the table Q2: Answers by option/ }).click();
  await expect(q2.getByText("Copied as tab-separated text.")).toBeVisible();
  const copied = browserName === "chromium" ? await page.evaluate(() => navigator.clipboard.readText()) : "";
  const lines = copied.trimEnd().split("\n");
  expect(lines[0]).toBe("Option\tCount\t% of respondents");
  const q2Item = questionnaire.sections[0]!.items.find((i) => i.code === "Q2");
  expect(lines).toHaveLength(1 + (q2Item && "options" in q2Item ? q2Item.options.length : 0));
  expect(lines[1]).toMatch(/^It is changing only between individual countries\t/);

  // With k above the number of respondents every category is suppressed: drawn as marked gaps, not as zero bars.
  await prisma.study.update({ where: { id: studyId }, data: { suppressionK: 50 } });
  await page.reload();
  await expect(q2.locator(".results-chart [data-gap]")).toHaveCount(4);
  await expect(q2.locator(".results-chart svg")).toContainText("suppressed (< 50)");
  await expect(q2.locator(".results-chart svg")).toContainText("% of respondents, n < 50");

  // The charts' controls, gaps and tables are accessible (a few items; the whole page takes axe minutes here).
  expect(await axeViolations(page, ['[data-item="Q2"]', '[data-item="Q5"]', '[data-item="Q7"]'])).toEqual([]);
});

test("the study's decimals of percentages are set on the results page, audited, and written by its tables", async ({ page, prisma, questionnaire, makeStaff, makeExpert }) => {
  test.setTimeout(120_000);
  const studyId = await studyWithRespondents(prisma, questionnaire, makeExpert);
  await prisma.study.update({ where: { id: studyId }, data: { suppressionK: 1 } });
  const coordinator = await makeStaff("COORDINATOR", { studyIds: [studyId] });
  await signInAsStaff(page, coordinator);
  await page.waitForURL("**/coordinator**");
  await page.goto(`/coordinator/results?study=${studyId}`);
  const share = page.locator('[data-item="Q2"] [data-table-id="Q2"] tbody td:nth-child(3)').first();
  // One decimal by default.
  await expect(share).toHaveText(/^\d+\.\d$/);
  const form = page.getByRole("group", { name: "Decimals of percentages" });
  for (const [decimals, pattern, saved] of [[2, /^\d+\.\d\d$/, "Saved: 2 decimals."], [0, /^\d+$/, "Saved: whole numbers."]] as const) {
    await form.getByLabel("Percentages").selectOption(String(decimals));
    await form.getByRole("button", { name: "Save", exact: true }).click();
    await expect(form.getByRole("status")).toHaveText(saved);
    await expect(share).toHaveText(pattern);
    expect((await prisma.study.findUniqueOrThrow({ where: { id: studyId } })).percentDecimals).toBe(decimals);
  }
  // Still so after a reload: a setting of the study, not of the page.
  await page.reload();
  await expect(share).toHaveText(/^\d+$/);
  const audit = await prisma.auditEvent.findMany({ where: { action: "study.decimals", entityId: studyId, actorId: coordinator.id }, orderBy: { id: "asc" }, select: { after: true } });
  expect(audit.map((a) => a.after)).toEqual([{ percentDecimals: 2 }, { percentDecimals: 0 }]);
  // A value outside 0–2 is refused with a clear error, and nothing changes.
  const refused = await page.request.put(`/api/coordinator/studies/${studyId}/decimals`, { data: { decimals: 3 }, headers: { origin: new URL(page.url()).origin } });
  expect(refused.status()).toBe(400);
  expect((await prisma.study.findUniqueOrThrow({ where: { id: studyId } })).percentDecimals).toBe(0);
});
