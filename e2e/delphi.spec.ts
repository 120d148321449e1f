import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { ZQuestionnaire } from "@/lib/instrument/definition";
import { confirmedText } from "@/lib/i18n/text";
import { createStudy, expect, signInAsExpert, signInAsStaff, test, type TExpert } from "./fixtures";

/**
 * Issue 15, end to end: a coordinator opens round 2 for the items without consensus, experts in
 * Chromium see their own answer and the group's distribution, revise two items with a reason and
 * submit, and the round report's consensus and stability match figures computed here.
 */

const t = (s: string) => confirmedText(`${s} (рус.)`, s);
const scale = (code: string) => ({ code, type: "scale", text: t(`Rate ${code}`), min: 1, max: 5, required: true });
const questionnaire = ZQuestionnaire.parse({
  kind: "questionnaire",
  title: t("Delphi study"),
  sections: [{ code: "S1", title: t("Ratings"), items: [scale("D1"), scale("D2"), { code: "D3", type: "single", required: true, text: t("Pick one"), options: ["A", "B"].map((code) => ({ code, label: t(`Option ${code}`) })) }] }],
});

/** R's type 7 by its definition: the line through ((k − 1)/(n − 1), x₍ₖ₎), read at p. */
function quantile(values: number[], p: number): number {
  const x = [...values].sort((a, b) => a - b);
  const h = (x.length - 1) * p;
  const lo = Math.floor(h);
  return x[lo]! + (h - lo) * ((x[Math.min(lo + 1, x.length - 1)] ?? 0) - x[lo]!);
}
const iqr = (v: number[]) => quantile(v, 0.75) - quantile(v, 0.25);

// Round 1 (six experts): D1 IQR 3.75 − 2.25 = 1.5 and D2 IQR 4.75 − 2.25 = 2.5 (no consensus at IQR ≤ 1); D3: 5 of 6 on A (83 %).
const ROUND1 = { D1: [1, 2, 3, 3, 4, 5], D2: [1, 2, 3, 4, 5, 5], D3: ["A", "A", "A", "A", "A", "B"] };
// Round 2: the first two experts (in the browser) move both ratings to 5, outside round 1's middle half, with reasons; the other four keep theirs.
const ROUND2 = { D1: [5, 5, 3, 3, 4, 5], D2: [5, 5, 3, 4, 5, 5] };

/** Serious and critical axe violations, and whether the page is wider than its window. */
async function pageProblems(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  return overflow ? [...serious, "wider than the window"] : serious;
}

async function submittedRound1(prisma: PrismaClient, studyId: string, experts: TExpert[]) {
  const instrument = await prisma.instrument.findFirstOrThrow({ where: { studyId, kind: "QUESTIONNAIRE" }, select: { id: true, versions: { select: { id: true } } } });
  for (const [i, e] of experts.entries()) {
    await prisma.consent.create({ data: { expertId: e.expertId, decision: "ACCEPTED", textVersion: 1, language: "en" } });
    await prisma.expert.update({ where: { id: e.expertId }, data: { status: "COMPLETED", invitedAt: new Date() } });
    await prisma.response.create({
      data: {
        expertId: e.expertId,
        instrumentId: instrument.id,
        versionId: instrument.versions[0]!.id,
        optionOrder: {},
        status: "SUBMITTED",
        submittedAt: new Date(),
        answers: {
          create: [
            { itemCode: "D1", value: { value: ROUND1.D1[i]! }, revision: 1, mutationId: randomUUID() },
            { itemCode: "D2", value: { value: ROUND1.D2[i]! }, revision: 1, mutationId: randomUUID() },
            { itemCode: "D3", value: { choice: ROUND1.D3[i]! }, revision: 1, mutationId: randomUUID() },
          ],
        },
      },
    });
  }
  return instrument;
}

test("a coordinator opens round 2 for the items without consensus; experts revise with reasons; the report shows consensus and stability", async ({ browser, page, prisma, makeStaff, makeExpert }) => {
  test.setTimeout(180_000);
  const studyId = await createStudy(prisma, questionnaire);
  await prisma.study.update({ where: { id: studyId }, data: { suppressionK: 2, status: "FIELDWORK" } });
  const coordinator = await makeStaff("COORDINATOR", { studyIds: [studyId] });
  const experts: TExpert[] = [];
  for (let i = 0; i < 6; i++) experts.push(await makeExpert({ studyId, language: "en", country: "KZ" }));
  const instrument = await submittedRound1(prisma, studyId, experts);

  // The coordinator plans round 2: the two items without consensus come preselected.
  await signInAsStaff(page, coordinator);
  await page.waitForURL("**/coordinator");
  await page.goto(`/coordinator/rounds?study=${studyId}`);
  await expect(page.getByLabel(/D1\. Rate D1/)).toBeChecked();
  await expect(page.getByLabel(/D2\. Rate D2/)).toBeChecked();
  await expect(page.getByLabel(/D3\. Pick one/)).not.toBeChecked();
  await page.getByTestId("plan-round").click();
  await expect(page.getByTestId("round-status-2")).toHaveText("Planned");
  page.once("dialog", (d) => void d.accept());
  await page.getByTestId("round-row-2").getByTestId("round-open").click();
  await expect(page.getByTestId("round-status-2")).toHaveText("Open");
  await expect(page.getByTestId("round-status-1")).toHaveText("Closed");
  expect(await pageProblems(page)).toEqual([]);

  // Two experts revise both items to 5, outside round 1's middle half, and give reasons.
  for (const [i, expert] of experts.slice(0, 2).entries()) {
    // The first expert on a 360 px phone: the feedback stays readable, nothing scrolls sideways.
    const context = await browser.newContext(i === 0 ? { baseURL: process.env.BASE_URL, viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true } : {});
    const p = await context.newPage();
    await signInAsExpert(p, expert);
    await p.goto("/expert/questionnaire");
    // Streamed HTML holds a Suspense boundary's content in a hidden copy until React moves it in: wait for one of each.
    for (const code of ["D1", "D2"]) await expect(p.getByTestId(`delphi-${code}`)).toHaveCount(1);
    const d1 = p.getByTestId("delphi-D1");
    await expect(d1).toContainText(`Your answer in round 1: ${ROUND1.D1[i]}`);
    await expect(d1).toContainText(`6 answers: median 3, middle half of answers from 2.25 to 3.75`);
    await expect(d1.getByRole("list", { name: "Number of experts per scale point" }).getByRole("listitem")).toHaveCount(5);
    await expect(p.getByTestId("delphi-D2")).toContainText("median 3.5, middle half of answers from 2.25 to 4.75");
    await expect(p.locator("#item-D3")).toHaveCount(0);
    if (i === 0) expect(await pageProblems(p)).toEqual([]);
    // Outside the group's range a changed answer asks for a reason; back inside it does not.
    await p.locator('[id="D1-5"]').check();
    await expect(p.locator("#D1-reason")).toBeVisible();
    await p.locator('[id="D1-3"]').check();
    await expect(p.locator("#D1-reason")).toHaveCount(0);
    await p.locator('[id="D1-5"]').check();
    await p.locator("#D1-reason").fill(`Reason ${i + 1} on D1: trade fell`);
    await p.locator('[id="D2-5"]').check();
    if (i === 1) {
      // Without the reason the page asks for, the server refuses the submission and the review lists the item.
      await expect(p.getByTestId("save-status")).toHaveText("All answers saved");
      await p.getByRole("button", { name: "Review answers" }).click();
      await p.getByRole("button", { name: "Submit answers" }).click();
      await expect(p.getByTestId("review-problems")).toContainText("D2.");
      await expect(p.getByTestId("review-problems")).toContainText("Please give a short reason for your changed answer.");
      await expect(p.getByTestId("review-problems")).not.toContainText("D1.");
      await p.getByRole("button", { name: "Back to the questions" }).click();
    }
    await p.locator("#D2-reason").fill(`Reason ${i + 1}: new data on border crossings`);
    await expect(p.getByTestId("save-status")).toHaveText("All answers saved");
    await p.getByRole("button", { name: "Review answers" }).click();
    await p.getByRole("button", { name: "Submit answers" }).click();
    await expect(p.getByRole("heading", { level: 1 })).toHaveText("Thank you!");
    await context.close();
  }
  // The other four keep their round 1 answers (as submitted through the same tables).
  const wave2 = await prisma.response.findMany({ where: { instrumentId: instrument.id, wave: 2 }, select: { expertId: true, status: true } });
  expect(wave2).toEqual(expect.arrayContaining(experts.slice(0, 2).map((e) => ({ expertId: e.expertId, status: "SUBMITTED" }))));
  for (const [i, e] of experts.entries()) {
    if (i < 2) continue;
    await prisma.response.create({
      data: {
        expertId: e.expertId, instrumentId: instrument.id, wave: 2, versionId: instrument.versions[0]!.id, optionOrder: {}, status: "SUBMITTED", submittedAt: new Date(),
        answers: { create: [{ itemCode: "D1", value: { value: ROUND2.D1[i]! }, revision: 1, mutationId: randomUUID() }, { itemCode: "D2", value: { value: ROUND2.D2[i]! }, revision: 1, mutationId: randomUUID() }] },
      },
    });
  }
  const reasons = await prisma.answerReason.findMany({ where: { response: { instrumentId: instrument.id, wave: 2 } }, select: { itemCode: true, text: true } });
  expect(reasons.filter((r) => r.text).map((r) => r.itemCode).sort()).toEqual(["D1", "D1", "D2", "D2"]);

  // The report: figures computed independently here.
  await page.goto(`/coordinator/rounds?study=${studyId}`);
  await page.getByTestId("round-row-2").getByRole("link", { name: "Report" }).click();
  for (const code of ["D1", "D2"] as const) {
    const before = ROUND1[code];
    const after = ROUND2[code];
    const changed = (100 * after.filter((v, i) => v !== before[i]).length) / after.length;
    const card = page.getByTestId(`report-${code}`);
    await expect(card.getByTestId("n")).toHaveText("6");
    await expect(card.getByTestId("median")).toHaveText(String(quantile(after, 0.5)));
    await expect(card.getByTestId("consensus")).toContainText(iqr(after) <= 1 ? "yes" : "no");
    await expect(card.getByTestId("stable")).toHaveText(changed <= 15 ? "yes" : "no");
  }
  // D1: 3 3 4 5 5 5 → IQR 5 − 3.25 = 1.75 (none); D2: 3 4 5 5 5 5 → IQR 5 − 4.25 = 0.75 (consensus); 2 of 6 changed (33 % > 15 %).
  await expect(page.getByTestId("report-D1").getByTestId("consensus")).toHaveText("no (1.75)");
  await expect(page.getByTestId("report-D2").getByTestId("consensus")).toHaveText("yes (0.75)");
  await expect(page.getByTestId("report-D1").getByTestId("movement")).toHaveText("0 / 1 / 4");
  await expect(page.getByTestId("report-D2").getByTestId("reasons")).toContainText("Reason 1: new data on border crossings");
  expect(await pageProblems(page)).toEqual([]);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Comparison of rounds (CSV)" }).click();
  const csv = readFileSync(await (await download).path(), "utf8");
  expect(csv).toContain("r1_iqr");
  expect(csv).toContain("D1,D1,6,3,1.5,no,,6,4.5,1.75,no,no");
  expect(csv).toContain("D2,D2,6,3.5,2.5,no,,6,5,0.75,yes,no");
});
