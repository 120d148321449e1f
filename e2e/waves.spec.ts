import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { ZQuestionnaire } from "@/lib/instrument/definition";
import { confirmedText } from "@/lib/i18n/text";
import { createStudy, expect, signInAsExpert, signInAsStaff, test } from "./fixtures";

const t = (ru: string, en: string) => confirmedText(ru, en);
/** A one-item questionnaire, in a study of its own: opening a wave must not touch the worker's shared study. */
const questionnaire = ZQuestionnaire.parse({
  kind: "questionnaire",
  title: t("Анкета волн", "Waves questionnaire"),
  sections: [{ code: "S1", title: t("Раздел", "Section"), items: [{ code: "A", type: "scale", text: t("Оценка", "Rating"), min: 1, max: 10, required: true }] }],
});

/** Serious and critical axe violations on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test("a coordinator opens wave 2, an expert answers it; results show wave 2 by default and wave 1 on request; the CSV has the wave", async ({ browser, page, prisma, makeStaff, makeExpert }) => {
  test.setTimeout(120_000);
  const studyId = await createStudy(prisma, questionnaire);
  // Two respondents at most: no suppression, so the counts can be read.
  await prisma.study.update({ where: { id: studyId }, data: { suppressionK: 1 } });
  const version = await prisma.instrumentVersion.findFirstOrThrow({ where: { instrument: { studyId }, status: "PUBLISHED" }, select: { id: true, instrumentId: true } });
  // Wave 1: two experts submitted (ratings 3 and 5); both accepted the consent.
  const experts = [await makeExpert({ studyId, country: "RU" }), await makeExpert({ studyId, country: "KZ" })];
  for (const [i, e] of experts.entries()) {
    await prisma.consent.create({ data: { expertId: e.expertId, decision: "ACCEPTED", textVersion: 1, language: "en" } });
    const response = await prisma.response.create({ data: { expertId: e.expertId, instrumentId: version.instrumentId, versionId: version.id, status: "SUBMITTED", optionOrder: {}, submittedAt: new Date() } });
    await prisma.answer.create({ data: { responseId: response.id, itemCode: "A", value: { value: 3 + 2 * i }, revision: 1, mutationId: crypto.randomUUID() } });
  }

  // The coordinator opens wave 2 from the instruments page.
  const coordinator = await makeStaff("COORDINATOR", { studyIds: [studyId] });
  await signInAsStaff(page, coordinator);
  await page.waitForURL("**/coordinator**");
  await page.goto("/coordinator/instruments");
  const waves = page.getByTestId("waves");
  await expect(waves.getByTestId("wave-1")).toContainText("Wave 1 · open");
  page.once("dialog", (d) => void d.accept());
  await waves.getByRole("button", { name: "Open wave 2" }).click();
  await expect(waves.getByTestId("wave-2")).toContainText("Wave 2 · open");
  await expect(waves.getByTestId("wave-1")).toContainText("Wave 1 · closed");
  expect(await prisma.auditEvent.count({ where: { actorId: coordinator.id, entity: "Wave", action: "wave.open" } })).toBe(1);
  expect(await seriousViolations(page), "instruments page with waves").toEqual([]);

  // The first expert sees that wave 2 is open and answers it (rating 9).
  const expertContext = await browser.newContext();
  const expertPage = await expertContext.newPage();
  await signInAsExpert(expertPage, experts[0]!);
  await expect(expertPage.getByTestId("wave-open")).toContainText("Wave 2 is open");
  expect(await seriousViolations(expertPage), "expert's start page").toEqual([]);
  await expertPage.getByRole("link", { name: "Start the questionnaire" }).click();
  await expertPage.waitForURL("**/expert/questionnaire");
  const origin = { origin: process.env.BASE_URL! };
  const saved = await expertPage.request.post("/api/expert/answers", {
    headers: origin,
    data: { mutationId: crypto.randomUUID(), versionId: version.id, item: "A", baseRevision: 0, value: { value: 9 } },
  });
  expect(saved.status()).toBe(200);
  expect((await expertPage.request.post("/api/expert/submit", { headers: origin })).status()).toBe(200);
  await expertContext.close();

  // Results: wave 2 by default (one respondent, mean 9), wave 1 when chosen (two respondents).
  await page.goto(`/coordinator/results?study=${studyId}`);
  const waveFilter = page.getByTestId("wave-filter");
  await expect(waveFilter).toHaveValue("2");
  await expect(page.getByTestId("respondents").locator("strong")).toHaveText("1");
  await waveFilter.selectOption("1");
  await page.getByRole("button", { name: "Apply" }).click();
  await page.waitForURL(/wave=1/);
  await expect(page.getByTestId("wave-filter")).toHaveValue("1");
  await expect(page.getByTestId("respondents").locator("strong")).toHaveText("2");
  expect(await seriousViolations(page), "results page with the wave filter").toEqual([]);

  // The CSV export (all waves): a row per expert and wave, with the wave variable.
  const res = await page.request.get(`/api/coordinator/studies/${studyId}/exports/wide.csv?wave=all`);
  expect(res.status()).toBe(200);
  const lines = (await res.text()).replace(/^\ufeff/, "").trim().split("\r\n");
  expect(lines[0]).toMatch(/^pseudonym,wave,country,/);
  const rows = lines.slice(1).map((l) => l.split(","));
  expect(rows.map((r) => [Number(r[0]), r[1], r.at(-1)])).toEqual([
    [experts[0]!.pseudonym, "1", "3"],
    [experts[0]!.pseudonym, "2", "9"],
    [experts[1]!.pseudonym, "1", "5"],
  ]);
  // The exports page offers the waves, the latest by default.
  await page.goto(`/coordinator/exports?study=${studyId}`);
  await expect(page.getByLabel("Wave (round)")).toHaveValue("2");
  expect(await page.getByRole("link", { name: "wide.csv" }).getAttribute("href")).toBe(`/api/coordinator/studies/${studyId}/exports/wide.csv?wave=2`);
  expect(await seriousViolations(page), "exports page with the wave picker").toEqual([]);
  await page.goto(`/coordinator/monitor?study=${studyId}&wave=1`);
  await expect(page.getByLabel("Wave (round)")).toHaveValue("1");
  expect(await seriousViolations(page), "monitor page with the wave picker").toEqual([]);

  // The pages with waves fit a 360 px wide phone.
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of ["/coordinator/instruments", `/coordinator/monitor?study=${studyId}`, `/coordinator/exports?study=${studyId}`]) {
    await page.goto(path);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), path).toBeLessThanOrEqual(0);
  }
});
