import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import type { Browser, Page } from "@playwright/test";
import { expect, signInAsExpert, signInAsStaff, test, type TStaff } from "./fixtures";

/** Script payloads, each tagged so a fired one names itself, and spreadsheet formulas. */
const SCRIPTS = [`<script>alert("xss-script")</script>`, `<img src=x onerror=alert("xss-img")>`, `"><svg onload=alert("xss-svg")>`];
const FORMULAS = [`=HYPERLINK("http://evil.example","x")`, "+1+1", "-2+3", "@SUM(1,2)", "\t=1+2", "\r=3+4"];

/** A page of its own context that records every dialog (an alert() that ran) instead of blocking on it. */
async function watchedPage(browser: Browser): Promise<{ page: Page; dialogs: string[] }> {
  const context = await browser.newContext({ baseURL: process.env.BASE_URL });
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return { page, dialogs };
}

/** No element any payload would have made. */
async function expectNothingInjected(page: Page) {
  await expect(page.locator('img[src="x"], svg[onload], script:not([src]):text-matches("xss-")')).toHaveCount(0);
}

async function signedInStaff(browser: Browser, staff: TStaff, home: string) {
  const watched = await watchedPage(browser);
  await signInAsStaff(watched.page, staff);
  await watched.page.waitForURL(`**${home}`);
  return watched;
}

test("script payloads in an open-text answer are shown as text to the expert and on the coordinator's results, and nothing runs", async ({ browser, prisma, studyId, makeExpert, makeStaff }) => {
  const expert = await makeExpert();
  const version = await prisma.instrumentVersion.findFirstOrThrow({ where: { status: "PUBLISHED", instrument: { studyId, kind: "QUESTIONNAIRE" } }, select: { id: true } });
  await prisma.consent.create({ data: { expertId: expert.expertId, decision: "ACCEPTED", textVersion: 1, language: "en" } });
  const { page, dialogs } = await watchedPage(browser);
  await signInAsExpert(page, expert);
  const answer = SCRIPTS.join(" ");
  // Q10 (open text) is shown when Q1 is at most 4.
  for (const [item, value] of [["Q1", { value: 2 }], ["Q10", { text: answer }]] as const) {
    const saved = await page.request.post("/api/expert/answers", {
      headers: { origin: process.env.BASE_URL! },
      data: { mutationId: randomUUID(), versionId: version.id, item, baseRevision: 0, value },
    });
    expect(saved.status(), await saved.text()).toBe(200);
  }

  // The questionnaire shows it back in its field.
  await page.goto("/expert/questionnaire");
  await expect(page.getByTestId("save-status")).toBeVisible();
  await expect(page.locator('[id="Q10-input"]')).toHaveValue(answer);

  // After submitting, the expert's own review of their answers shows it as text.
  await prisma.response.updateMany({ where: { expertId: expert.expertId }, data: { status: "SUBMITTED", submittedAt: new Date() } });
  await page.goto("/expert/thanks");
  await page.locator("details summary").click();
  await expect(page.getByText(answer, { exact: true })).toBeVisible();
  await expectNothingInjected(page);
  expect(dialogs).toEqual([]);
  await page.context().close();

  // The results dashboard lists the texts of Q10 to coordinators, as text (k = 1: one answer shows).
  await prisma.study.update({ where: { id: studyId }, data: { suppressionK: 1 } });
  const staff = await signedInStaff(browser, await makeStaff("COORDINATOR"), "/coordinator");
  await staff.page.goto(`/coordinator/results?study=${studyId}&status=all`);
  const card = staff.page.locator('[data-item="Q10"]');
  await card.getByRole("button", { name: "Show texts" }).click();
  await expect(card.getByText(answer, { exact: true })).toBeVisible();
  await expectNothingInjected(staff.page);
  expect(staff.dialogs).toEqual([]);
  await staff.page.context().close();
});

test("script payloads in interview notes and quotes are shown as text everywhere, and the quotes CSV disarms formulas", async ({ browser, prisma, interviewKit, makeStaff, makeExpert }) => {
  test.setTimeout(120_000);
  const [interviewer, coordinator, expert] = await Promise.all([makeStaff("INTERVIEWER"), makeStaff("COORDINATOR"), makeExpert()]);
  const now = new Date();
  const { id } = await prisma.interview.create({
    data: { expertId: expert.expertId, interviewerId: interviewer.id, versionId: interviewKit.versionId, plannedAt: now, mode: "VIDEO", status: "IN_PROGRESS", consentAt: now, startedAt: now },
  });
  const passages = [...SCRIPTS, ...FORMULAS];
  const noteText = passages.join("\n");

  // The interviewer writes the note and marks every passage as a quote, through the API the workspace uses.
  const staff = await signedInStaff(browser, interviewer, "/interviewer");
  const post = (url: string, data: unknown) => staff.page.request.post(url, { headers: { origin: process.env.BASE_URL! }, data });
  const note = await post(`/api/interviews/${id}/notes`, { mutationId: randomUUID(), questionCode: "B1_Q1", baseRevision: 0, text: noteText, probesAsked: [], skipped: false });
  expect(note.status(), await note.text()).toBe(200);
  let start = 0;
  for (const passage of passages) {
    const quote = await post(`/api/interviews/${id}/quotes`, { questionCode: "B1_Q1", start, end: start + passage.length, text: passage });
    expect(quote.status(), await quote.text()).toBe(200);
    start += passage.length + 1;
  }

  const pages: Array<{ who: typeof staff; url: string }> = [
    { who: staff, url: `/interviewer/interviews/${id}` },
    { who: staff, url: "/interviewer/quotes" },
  ];
  const admin = await signedInStaff(browser, coordinator, "/coordinator");
  pages.push({ who: admin, url: `/coordinator/interviews/${id}` }, { who: admin, url: "/coordinator/quotes" });
  for (const { who, url } of pages) {
    await who.page.goto(url);
    for (const payload of SCRIPTS) await expect(who.page.locator("blockquote").filter({ hasText: payload }).first(), `${url}: ${payload}`).toBeVisible();
    if (url.includes("/interviews/")) await expect(who.page.getByLabel("Notes on B1_Q1", { exact: true })).toHaveValue(noteText.replace(/\r\n?/g, "\n")); // a textarea reads CR as a line break
    await expectNothingInjected(who.page);
    expect(who.dialogs, url).toEqual([]);
  }

  // The CSV export: no cell starts with a character a spreadsheet would run as a formula.
  const csv = await admin.page.request.get("/api/quotes/export?format=csv&lang=en");
  expect(csv.status()).toBe(200);
  const rows = parse((await csv.text()).replace(/^\uFEFF/, ""), { columns: true, relax_column_count: false }) as Array<Record<string, string>>;
  const ours = rows.filter((r) => r.interview_id === id);
  expect(ours.map((r) => r.quote).sort()).toEqual(passages.map((p) => (/^[=+\-@\t\r]/.test(p) ? `'${p}` : p)).sort());
  for (const row of rows) for (const [column, cell] of Object.entries(row)) expect(cell, `${column}: ${JSON.stringify(cell)}`).not.toMatch(/^[=+\-@\t\r]/);

  await staff.page.context().close();
  await admin.page.context().close();
});
