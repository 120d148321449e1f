import AxeBuilder from "@axe-core/playwright";
import type { Browser, Locator, Page } from "@playwright/test";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { expect, signInAsStaff, test, type TExpert, type TStaff } from "./fixtures";

const ORIGIN = () => process.env.BASE_URL!;

/** Serious and critical axe violations on the page as it is now, as readable lines. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}
const ARMENIA = "Republic of Armenia";

/** A signed-in page of its own browser context, so several people can act side by side. */
async function signedIn(browser: Browser, staff: TStaff, home: "/coordinator" | "/interviewer"): Promise<Page> {
  const context = await browser.newContext({ baseURL: ORIGIN() });
  const page = await context.newPage();
  await signInAsStaff(page, staff);
  await page.waitForURL(`**${home}`);
  return page;
}

/** An interview made straight in the database (assigning through the UI is covered once, below). */
async function makeInterview(prisma: PrismaClient, input: { expert: TExpert; interviewer: TStaff; versionId: string }): Promise<string> {
  const { id } = await prisma.interview.create({
    data: { expertId: input.expert.expertId, interviewerId: input.interviewer.id, versionId: input.versionId, plannedAt: new Date(Date.now() + 3_600_000), mode: "VIDEO" },
    select: { id: true },
  });
  return id;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const question = (page: Page, code: string) => page.locator(`[id="note-${code}"]`);
const notes = (page: Page, code: string) => page.getByLabel(`Notes on ${code}`, { exact: true });
const saveStatus = (page: Page) => page.getByTestId("save-status");
const allSaved = (page: Page) => expect(saveStatus(page)).toHaveText("All notes saved");

async function storedNotes(prisma: PrismaClient, interviewId: string) {
  const rows = await prisma.interviewNote.findMany({ where: { interviewId }, orderBy: { questionCode: "asc" } });
  return Object.fromEntries(rows.map((r) => [r.questionCode, { text: r.text, probesAsked: r.probesAsked as string[], skipped: r.skipped }]));
}

/** Changes waiting in the durable autosave queue (localStorage) of this page's origin. */
const pendingInQueue = (page: Page) =>
  page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith("expert-panel.autosave."))
      .reduce((n, k) => n + ((JSON.parse(localStorage.getItem(k)!) as { pending?: unknown[] }).pending?.length ?? 0), 0),
  );

async function recordConsent(page: Page) {
  await expect(notes(page, "B1_Q1")).toBeDisabled();
  await page.getByLabel("The expert has given oral consent to the interview and to notes being taken").check();
  await expect(page.getByText("Consent recorded:")).toBeVisible();
  await expect(notes(page, "B1_Q1")).toBeEditable();
}

/** Selects `passage` in a question's notes and marks it as a quote. */
async function quoteSelection(page: Page, code: string, passage: string): Promise<Locator> {
  const area = notes(page, code);
  const text = await area.inputValue();
  const start = text.indexOf(passage);
  expect(start).toBeGreaterThanOrEqual(0);
  await area.evaluate((el, [s, e]) => {
    const textarea = el as HTMLTextAreaElement;
    textarea.focus();
    textarea.setSelectionRange(s!, e!);
  }, [start, start + passage.length]);
  await question(page, code).getByRole("button", { name: "Quote selection" }).click();
  await expect(question(page, code).getByText("Quote saved.")).toBeVisible();
  const row = question(page, code).locator("li.iv-quote").filter({ hasText: passage });
  await expect(row).toHaveCount(1);
  return row;
}

/** Ticks a code of the codebook on a quote (or notes) and waits for its tag. */
async function addCode(scope: Locator, code: string, name: string) {
  const details = scope.locator("details.iv-picker").first();
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator("summary").click();
  await details.getByLabel(`${code} ${name}`, { exact: true }).check();
  await expect(scope.locator(".iv-tags").first()).toContainText(name);
}

test("a coordinator assigns an interview; the interviewer logs all four blocks, skips and returns, and finishes; the notes are locked", async ({
  browser,
  prisma,
  interviewKit,
  makeStaff,
  makeExpert,
}) => {
  test.setTimeout(150_000);
  const { guide, versionId } = interviewKit;
  const [coordinator, interviewer, expert] = await Promise.all([makeStaff("COORDINATOR"), makeStaff("INTERVIEWER"), makeExpert({ country: "AM" })]);
  const realName = (await prisma.user.findUniqueOrThrow({ where: { id: expert.userId }, select: { name: true } })).name;

  // The coordinator assigns it in the UI.
  const admin = await signedIn(browser, coordinator, "/coordinator");
  await admin.getByRole("link", { name: "Interviews" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Interviews" })).toBeVisible();
  await admin.getByLabel("Expert", { exact: true }).selectOption(expert.expertId);
  await expect(admin.getByLabel("Expert", { exact: true }).locator("option:checked")).toHaveText(`Expert ${expert.pseudonym} — ${realName} (${ARMENIA})`);
  await admin.getByLabel("Interviewer", { exact: true }).selectOption(interviewer.id);
  await admin.getByLabel("Guide version").selectOption(versionId);
  await admin.getByLabel("Date and time").fill("2030-05-14T10:30");
  await admin.getByLabel("Video call").check();
  await admin.getByRole("button", { name: "Assign interview" }).click();
  await expect(admin.getByText("The interview is assigned.")).toBeVisible();
  const created = await prisma.interview.findFirstOrThrow({ where: { expertId: expert.expertId, interviewerId: interviewer.id } });
  expect(created).toMatchObject({ versionId, mode: "VIDEO", status: "PLANNED" });
  expect(created.plannedAt.getTime()).toBe(new Date(2030, 4, 14, 10, 30).getTime());
  await expect(admin.getByTestId(`admin-interview-${created.id}`)).toContainText("Planned");

  // The interviewer sees it in their list (by pseudonym and country only) and opens it.
  const page = await signedIn(browser, interviewer, "/interviewer");
  const link = page.getByRole("link", { name: `Expert ${expert.pseudonym} (${ARMENIA})` });
  await expect(link).toBeVisible();
  await page.getByRole("link", { name: "Planned", exact: true }).click();
  await expect(link).toBeVisible();
  await page.getByRole("link", { name: "Done", exact: true }).click();
  await expect(page.getByText("No interviews with this status.")).toBeVisible();
  await page.getByRole("link", { name: "All", exact: true }).click();
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/interviewer/interviews/${created.id}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Interview with Expert ${expert.pseudonym} (${ARMENIA})`);
  await expect(page.locator("body")).not.toContainText(realName);

  await recordConsent(page);
  await expect(page.getByTestId("interview-clock")).toContainText(/Elapsed 0:0\d:\d\d/);

  // Notes on the first question of each of the four blocks, with a probe ticked in each.
  const expected: Record<string, { text: string; probesAsked: string[]; skipped: boolean }> = {};
  expect(guide.blocks).toHaveLength(4);
  for (const block of guide.blocks) {
    const q = block.questions[0]!;
    const text = `Notes on ${q.code}: the expert speaks about ${block.title.en.toLowerCase()}.\nSecond line.`;
    await notes(page, q.code).fill(text);
    await question(page, q.code).getByLabel(q.probes[0]!.text.en, { exact: true }).check();
    expected[q.code] = { text, probesAsked: [q.probes[0]!.code], skipped: false };
  }
  await allSaved(page);

  // Skip a question: it is marked, listed for coming back, and stored as skipped.
  const skippedCode = guide.blocks[1]!.questions[2]!.code;
  await question(page, skippedCode).getByRole("button", { name: "Skip question" }).click();
  await expect(question(page, skippedCode).getByText("Skipped", { exact: true })).toBeVisible();
  await expect(notes(page, skippedCode)).toHaveCount(0);
  await expect(page.getByTestId("skipped-list")).toContainText(skippedCode);
  await expect
    .poll(async () => (await prisma.interviewNote.findUnique({ where: { interviewId_questionCode: { interviewId: created.id, questionCode: skippedCode } } }))?.skipped)
    .toBe(true);

  // …and come back to it.
  await page.getByTestId("skipped-list").getByRole("link", { name: skippedCode }).click();
  await question(page, skippedCode).getByRole("button", { name: "Return to this question" }).click();
  await expect(page.getByTestId("skipped-list")).toHaveCount(0);
  await notes(page, skippedCode).fill("Came back to this one: answered at the end.");
  expected[skippedCode] = { text: "Came back to this one: answered at the end.", probesAsked: [], skipped: false };
  await allSaved(page);
  await expect(question(page, "B1_Q1").getByText(/First noted .* · last noted/)).toBeVisible();
  expect(await storedNotes(prisma, created.id)).toEqual(expected);

  // Finish: confirmed, then every note is read-only.
  await page.getByRole("button", { name: "Finish interview" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Finish the interview?" });
  await dialog.getByRole("button", { name: "Finish", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("interview-status")).toHaveText("Done");
  await expect(page.getByTestId("finished-notice")).toBeVisible();
  for (const code of Object.keys(expected)) await expect(notes(page, code)).not.toBeEditable();
  await expect(page.getByRole("button", { name: "Finish interview" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Skip question" })).toHaveCount(0);
  const done = await prisma.interview.findUniqueOrThrow({ where: { id: created.id } });
  expect(done.status).toBe("DONE");
  expect(done.finishedAt).not.toBeNull();
  expect(done.consentAt).not.toBeNull();

  // Locked for good: after a reload too, and the server refuses a note.
  await page.reload();
  await expect(notes(page, "B1_Q1")).toHaveValue(expected.B1_Q1!.text);
  await expect(notes(page, "B1_Q1")).not.toBeEditable();
  const refused = await page.request.post(`/api/interviews/${created.id}/notes`, {
    headers: { origin: ORIGIN() },
    data: { mutationId: crypto.randomUUID(), questionCode: "B1_Q1", baseRevision: 1, text: "changed", probesAsked: [], skipped: false },
  });
  expect(refused.status()).toBe(409);
  expect(await storedNotes(prisma, created.id)).toEqual(expected);

  // The coordinator sees it done and can reopen it.
  await admin.reload();
  const row = admin.getByTestId(`admin-interview-${created.id}`);
  await expect(row).toContainText("Done");
  await row.getByRole("button", { name: /^Reopen/ }).click();
  await expect(row).toContainText("In progress");
  expect((await prisma.interview.findUniqueOrThrow({ where: { id: created.id } })).status).toBe("IN_PROGRESS");
  await admin.context().close();
  await page.context().close();
});

test("three quotes are marked and coded, and the quotes page and the CSV and Markdown exports attribute them by pseudonym and country", async ({
  browser,
  prisma,
  studyId,
  interviewKit,
  makeStaff,
  makeExpert,
}) => {
  test.setTimeout(120_000);
  const [interviewer, coordinator, expert] = await Promise.all([makeStaff("INTERVIEWER"), makeStaff("COORDINATOR"), makeExpert({ country: "AM" })]);
  const interviewId = await makeInterview(prisma, { expert, interviewer, versionId: interviewKit.versionId });
  const page = await signedIn(browser, interviewer, "/interviewer");
  await page.goto(`/interviewer/interviews/${interviewId}`);
  await recordConsent(page);

  const marked = [
    { code: "B1_Q1", text: "Cross-border cooperation is, first of all, daily contact between people on both sides of the border.", passage: "daily contact between people on both sides of the border", tag: "PERCEPTION_TERMS" },
    { code: "B2_Q1", text: "Interregional ties work when governors meet. Otherwise nothing moves for years.", passage: "Otherwise nothing moves for years.", tag: "BARRIERS_BUREAUCRACY" },
    { code: "B4_Q1", text: "The main obstacle is the lack of a common legal framework for border regions.", passage: "lack of a common legal framework", tag: "BARRIERS_REGULATORY" },
  ] as const;
  const names = new Map((await prisma.themeCode.findMany({ where: { studyId }, select: { code: true, nameEn: true } })).map((c) => [c.code, c.nameEn]));
  for (const m of marked) {
    await notes(page, m.code).fill(m.text);
    // Quoting saves the pending notes first, so the quote matches the stored text.
    const row = await quoteSelection(page, m.code, m.passage);
    await addCode(row, m.tag, names.get(m.tag)!);
  }
  // Codes on whole notes too.
  await addCode(question(page, "B1_Q1").locator(".iv-note-codes"), "PERCEPTION", names.get("PERCEPTION")!);
  await allSaved(page);

  // Tagging is its own request: wait for what the database holds rather than for a fixed time.
  const storedQuotes = () =>
    prisma.quote.findMany({ where: { interviewId }, include: { codes: { include: { code: true } } }, orderBy: { questionCode: "asc" } });
  await expect
    .poll(async () => (await storedQuotes()).map((q) => ({ question: q.questionCode, text: q.text, codes: q.codes.map((c) => c.code.code) })))
    .toEqual(marked.map((m) => ({ question: m.code, text: m.passage, codes: [m.tag] })));
  const quotes = await storedQuotes();
  for (const q of quotes) {
    const note = await prisma.interviewNote.findUniqueOrThrow({ where: { interviewId_questionCode: { interviewId, questionCode: q.questionCode } } });
    expect(note.text.slice(q.start, q.end)).toBe(q.text);
  }
  await expect
    .poll(async () => (await prisma.noteCode.findMany({ where: { interviewId }, include: { code: true } })).map((c) => [c.questionCode, c.code.code]))
    .toEqual([["B1_Q1", "PERCEPTION"]]);

  // The quotes page: every quote with its attribution and codes, a link back to its note, and filters.
  const attribution = `Expert ${expert.pseudonym} (${ARMENIA})`;
  await page.goto("/interviewer/quotes");
  await expect(page.getByTestId("quote-count")).toHaveText("3 quotes");
  for (const m of marked) {
    const item = page.getByTestId("quotes-list").getByRole("listitem").filter({ hasText: m.passage }).first();
    await expect(item).toContainText(`— ${attribution}, Scientist`);
    await expect(item).toContainText(names.get(m.tag)!);
  }
  await page.getByLabel("Code (with its sub-codes)").selectOption({ label: `BARRIERS — ${names.get("BARRIERS")}` });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByTestId("quote-count")).toHaveText("2 quotes");
  await page.getByLabel("Block of the guide").selectOption("B4");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByTestId("quote-count")).toHaveText("1 quote");
  await page.getByRole("link", { name: "Clear filters" }).click();
  await page.getByLabel("Country").selectOption("KZ");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByTestId("quote-count")).toHaveText("No quotes");
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page.getByTestId("quote-count")).toHaveText("3 quotes");

  // The exports.
  const csv = await (await page.request.get((await page.getByRole("link", { name: "Export CSV" }).getAttribute("href"))!)).text();
  const md = await (await page.request.get((await page.getByRole("link", { name: "Export Markdown" }).getAttribute("href"))!)).text();
  for (const m of marked) {
    expect(csv).toContain(m.passage);
    expect(md).toContain(`> ${m.passage}\n>\n> — ${attribution}`);
    expect(md.split("\n")).toContainEqual(expect.stringMatching(new RegExp(`^## .* › ${escapeRe(names.get(m.tag)!)}$`)));
  }
  expect(csv).toContain(attribution);
  expect(csv.split("\n")[0]).toContain("code,code_name,quote,attribution,country,expert_group,block,question,interview_id");

  // Back to the note from the quotes page.
  await page.getByRole("link", { name: "Open the note on B2_Q1" }).click();
  await expect(page).toHaveURL(new RegExp(`/interviewer/interviews/${interviewId}#note-B2_Q1$`));
  await expect(notes(page, "B2_Q1")).toHaveValue(marked[1].text);

  // A coordinator sees the same quotes, attributed the same way.
  const admin = await signedIn(browser, coordinator, "/coordinator");
  await admin.goto("/coordinator/quotes");
  for (const m of marked) await expect(admin.getByTestId("quotes-list").getByRole("listitem").filter({ hasText: m.passage }).first()).toContainText(attribution);
  await admin.context().close();
  await page.context().close();
});

test("a reload and a network cut in the middle of typing lose nothing", async ({ browser, prisma, interviewKit, makeStaff, makeExpert }) => {
  test.setTimeout(120_000);
  const [interviewer, expert] = await Promise.all([makeStaff("INTERVIEWER"), makeExpert()]);
  const interviewId = await makeInterview(prisma, { expert, interviewer, versionId: interviewKit.versionId });
  const page = await signedIn(browser, interviewer, "/interviewer");
  await page.goto(`/interviewer/interviews/${interviewId}`);
  await recordConsent(page);

  // Reload while typing: what was typed last is still waiting in the durable queue.
  const first = "The expert says cooperation depends on the people in charge. ";
  const second = "Without them, agreements stay on paper.";
  await notes(page, "B1_Q1").pressSequentially(first, { delay: 5 });
  await notes(page, "B1_Q1").pressSequentially(second, { delay: 5 });
  expect(await pendingInQueue(page)).toBeGreaterThan(0);
  await page.reload();
  await expect(notes(page, "B1_Q1")).toHaveValue(first + second);
  await allSaved(page);

  // The network drops in the middle of typing.
  const before = "Trade across the border doubled, ";
  const during = "but the checkpoints are still slow.";
  const other = "Written while offline.";
  await notes(page, "B1_Q2").pressSequentially(before, { delay: 5 });
  await page.context().setOffline(true);
  await notes(page, "B1_Q2").pressSequentially(during, { delay: 5 });
  await question(page, "B1_Q2").getByLabel(interviewKit.guide.blocks[0]!.questions[1]!.probes[0]!.text.en, { exact: true }).check();
  await notes(page, "B2_Q2").fill(other);
  await expect(saveStatus(page)).toHaveText("Offline — will be saved");
  expect(await pendingInQueue(page)).toBeGreaterThan(0);
  await page.context().setOffline(false);
  await allSaved(page);

  await expect
    .poll(() => storedNotes(prisma, interviewId))
    .toEqual({
      B1_Q1: { text: first + second, probesAsked: [], skipped: false },
      B1_Q2: { text: before + during, probesAsked: [interviewKit.guide.blocks[0]!.questions[1]!.probes[0]!.code], skipped: false },
      B2_Q2: { text: other, probesAsked: [], skipped: false },
    });
  await page.context().close();
});

test("another interviewer can reach neither the interview, nor its notes, nor its quotes: 404 by URL and by API", async ({ browser, prisma, interviewKit, makeStaff, makeExpert }) => {
  const [owner, intruder, expert] = await Promise.all([makeStaff("INTERVIEWER"), makeStaff("INTERVIEWER"), makeExpert()]);
  const interviewId = await makeInterview(prisma, { expert, interviewer: owner, versionId: interviewKit.versionId });
  const secret = "A confidential remark about the ministry.";
  await prisma.interview.update({ where: { id: interviewId }, data: { consentAt: new Date(), startedAt: new Date(), status: "IN_PROGRESS" } });
  await prisma.interviewNote.create({ data: { interviewId, questionCode: "B1_Q1", text: secret, revision: 1, mutationId: crypto.randomUUID() } });
  const quote = await prisma.quote.create({ data: { interviewId, questionCode: "B1_Q1", start: 0, end: secret.length, text: secret }, select: { id: true } });
  const code = await prisma.themeCode.findFirstOrThrow({ where: { code: "PERCEPTION" }, select: { id: true }, orderBy: { createdAt: "desc" } });

  const page = await signedIn(browser, intruder, "/interviewer");
  await expect(page.getByRole("link", { name: new RegExp(`Expert ${expert.pseudonym} \\(`) })).toHaveCount(0);
  const res = await page.goto(`/interviewer/interviews/${interviewId}`);
  expect(res!.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.locator("body")).not.toContainText(secret);

  const api = page.request;
  const write = { headers: { origin: ORIGIN() } };
  const statuses = {
    interview: (await api.get(`/api/interviews/${interviewId}`)).status(),
    consent: (await api.post(`/api/interviews/${interviewId}/consent`, write)).status(),
    note: (
      await api.post(`/api/interviews/${interviewId}/notes`, {
        ...write,
        data: { mutationId: crypto.randomUUID(), questionCode: "B1_Q1", baseRevision: 1, text: "overwritten", probesAsked: [], skipped: false },
      })
    ).status(),
    noteCodes: (await api.put(`/api/interviews/${interviewId}/notes/B1_Q1/codes`, { ...write, data: { codeIds: [code.id] } })).status(),
    finish: (await api.post(`/api/interviews/${interviewId}/finish`, write)).status(),
    newQuote: (await api.post(`/api/interviews/${interviewId}/quotes`, { ...write, data: { questionCode: "B1_Q1", start: 0, end: 5, text: secret.slice(0, 5) } })).status(),
    quoteCodes: (await api.put(`/api/quotes/${quote.id}/codes`, { ...write, data: { codeIds: [code.id] } })).status(),
    deleteQuote: (await api.delete(`/api/quotes/${quote.id}`, write)).status(),
  };
  expect(statuses).toEqual({ interview: 404, consent: 404, note: 404, noteCodes: 404, finish: 404, newQuote: 404, quoteCodes: 404, deleteQuote: 404 });

  const listed = (await (await api.get("/api/quotes")).json()) as { quotes: Array<{ id: string }> };
  expect(listed.quotes.map((q) => q.id)).not.toContain(quote.id);
  expect(await (await api.get("/api/quotes/export?format=csv&lang=en")).text()).not.toContain(secret);
  expect(await (await api.get("/api/quotes/export?format=md&lang=en")).text()).not.toContain(secret);
  const own = (await (await api.get("/api/interviewer/interviews")).json()) as { interviews: Array<{ id: string }> };
  expect(own.interviews.map((i) => i.id)).not.toContain(interviewId);
  await page.goto("/interviewer/quotes");
  await expect(page.getByTestId("quote-count")).toHaveText("No quotes");

  // Nothing changed.
  const note = await prisma.interviewNote.findUniqueOrThrow({ where: { interviewId_questionCode: { interviewId, questionCode: "B1_Q1" } } });
  expect(note).toMatchObject({ text: secret, revision: 1 });
  expect(await prisma.quote.count({ where: { id: quote.id } })).toBe(1);
  expect(await prisma.quoteCode.count({ where: { quoteId: quote.id } })).toBe(0);

  // The owner, for contrast, reaches all of it.
  const ownerPage = await signedIn(browser, owner, "/interviewer");
  expect((await ownerPage.request.get(`/api/interviews/${interviewId}`)).status()).toBe(200);
  await ownerPage.goto(`/interviewer/interviews/${interviewId}`);
  await expect(notes(ownerPage, "B1_Q1")).toHaveValue(secret);
  await ownerPage.context().close();
  await page.context().close();
});

test("a coordinator edits the codebook: adds a sub-code with both languages, renames it, and deletes it", async ({ browser, prisma, studyId, interviewKit, makeStaff }) => {
  expect(interviewKit.versionId).toBeTruthy();
  const coordinator = await makeStaff("COORDINATOR");
  const page = await signedIn(browser, coordinator, "/coordinator");
  await page.getByRole("link", { name: "Codebook" }).click();
  await page.goto(`/coordinator/codebook?study=${studyId}`);
  const parent = page.getByTestId("code-BARRIERS");
  await parent.getByRole("button", { name: "Add a sub-code to BARRIERS", exact: true }).click();
  const form = page.getByRole("group", { name: "New sub-code of BARRIERS" });
  const code = `BARRIERS_E2E_${Date.now().toString(36).toUpperCase()}`;
  await form.getByLabel("Code", { exact: true }).fill("bad code!");
  await form.getByLabel("Name in Russian").fill("Визы");
  await form.getByRole("button", { name: "Add code" }).click();
  await expect(form.getByLabel("Code", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText("Enter the name in English (at most 200 characters).")).toBeVisible();
  await form.getByLabel("Code", { exact: true }).fill(code);
  await form.getByLabel("Name in English").fill("Visas");
  await form.getByLabel("Description in English").fill("Visa regimes between member states.");
  await form.getByRole("button", { name: "Add code" }).click();
  await expect(page.getByText(`Code ${code} added.`)).toBeVisible();
  const row = page.getByTestId(`code-${code}`);
  await expect(row).toContainText("Визы");
  await expect(row).toContainText("Visas");
  const stored = await prisma.themeCode.findFirstOrThrow({ where: { studyId, code }, include: { parent: true } });
  expect(stored).toMatchObject({ nameRu: "Визы", nameEn: "Visas", descriptionEn: "Visa regimes between member states.", descriptionRu: "" });
  expect(stored.parent?.code).toBe("BARRIERS");

  // A duplicate code is refused on the field.
  await page.getByRole("button", { name: `Edit ${code}` }).click();
  const edit = page.getByRole("group", { name: `Edit ${code}` });
  await edit.getByLabel("Code", { exact: true }).fill("BARRIERS_BUREAUCRACY");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit.getByText("This code is already in the study's codebook.")).toBeVisible();
  await edit.getByLabel("Code", { exact: true }).fill(code);
  await edit.getByLabel("Name in English").fill("Visa regimes");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText(`Code ${code} saved.`)).toBeVisible();
  await expect(row).toContainText("Visa regimes");
  expect((await prisma.themeCode.findFirstOrThrow({ where: { studyId, code } })).nameEn).toBe("Visa regimes");

  await page.getByRole("button", { name: `Delete ${code}` }).click();
  await page.getByRole("button", { name: "Yes, delete" }).click();
  await expect(page.getByText(`Code ${code} deleted.`)).toBeVisible();
  await expect(row).toHaveCount(0);
  expect(await prisma.themeCode.count({ where: { studyId, code } })).toBe(0);
  await page.context().close();
});

test("the interview pages pass axe and fit a 360 px screen, in Russian too", async ({ browser, prisma, studyId, interviewKit, makeStaff, makeExpert }) => {
  test.setTimeout(120_000);
  const [interviewer, coordinator, expert] = await Promise.all([makeStaff("INTERVIEWER"), makeStaff("COORDINATOR"), makeExpert()]);
  const interviewId = await makeInterview(prisma, { expert, interviewer, versionId: interviewKit.versionId });
  await prisma.interview.update({ where: { id: interviewId }, data: { consentAt: new Date(), startedAt: new Date(), status: "IN_PROGRESS" } });
  const text = "The expert describes joint projects of border universities.";
  await prisma.interviewNote.create({ data: { interviewId, questionCode: "B1_Q1", text, revision: 1, mutationId: crypto.randomUUID(), probesAsked: ["B1_Q1_P1"] } });
  const code = await prisma.themeCode.findFirstOrThrow({ where: { studyId, code: "EFFECTS_EDUCATION" } });
  await prisma.quote.create({ data: { interviewId, questionCode: "B1_Q1", start: 4, end: 10, text: text.slice(4, 10), codes: { create: [{ codeId: code.id }] } } });

  const check = async (page: Page, label: string) => {
    await page.waitForLoadState("networkidle");
    expect(await seriousViolations(page), label).toEqual([]);
    const wide = await page.evaluate(() =>
      document.documentElement.scrollWidth <= window.innerWidth
        ? []
        : [...document.querySelectorAll("body *")].filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1).map((el) => `${el.tagName.toLowerCase()}.${el.className}`).slice(0, 5),
    );
    expect(wide, `${label}: no horizontal scrolling`).toEqual([]);
  };
  for (const lang of ["en", "ru"] as const) {
    const page = await signedIn(browser, interviewer, "/interviewer");
    await page.setViewportSize({ width: 360, height: 740 });
    await page.context().addCookies([{ name: "lang", value: lang, url: ORIGIN() }]);
    await page.goto("/interviewer");
    await check(page, `${lang} interviewer home`);
    await page.goto(`/interviewer/interviews/${interviewId}`);
    await question(page, "B1_Q1").locator("li.iv-quote summary").click();
    await check(page, `${lang} workspace`);
    await page.goto("/interviewer/quotes");
    await check(page, `${lang} interviewer quotes`);
    await page.context().close();

    const admin = await signedIn(browser, coordinator, "/coordinator");
    await admin.setViewportSize({ width: 360, height: 740 });
    await admin.context().addCookies([{ name: "lang", value: lang, url: ORIGIN() }]);
    for (const path of ["/coordinator/interviews", `/coordinator/interviews/${interviewId}`, `/coordinator/codebook?study=${studyId}`, "/coordinator/quotes"]) {
      await admin.goto(path);
      await check(admin, `${lang} ${path}`);
    }
    await admin.context().close();
  }
});

test("a note the server refuses for good (a NUL pasted in) is marked on its question, holds back no other note, even after a reload, and the interview finishes once it is corrected", async ({ browser, prisma, interviewKit, makeStaff, makeExpert }) => {
  test.setTimeout(120_000);
  const [interviewer, expert] = await Promise.all([makeStaff("INTERVIEWER"), makeExpert()]);
  const interviewId = await makeInterview(prisma, { expert, interviewer, versionId: interviewKit.versionId });
  const page = await signedIn(browser, interviewer, "/interviewer");
  await page.goto(`/interviewer/interviews/${interviewId}`);
  await recordConsent(page);

  // Pasted text with a NUL in it: PostgreSQL cannot store it, so the server refuses it (400, not a 500 to retry).
  await notes(page, "B1_Q1").evaluate((el) => {
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")!.set!.call(el, "Pasted from a PDF:\u0000 tariffs fell.");
    el.dispatchEvent(new Event("input", { bubbles: true }));
  });
  const refusal = page.getByTestId("refusal-B1_Q1");
  await expect(refusal).toContainText("a character that cannot be stored");
  await expect(saveStatus(page)).toHaveText("A note was not saved — see the marked question");

  // The notes after it are saved, also after a reload, which neither sends the refused note again nor loses it.
  await notes(page, "B1_Q2").fill("Trade across the border doubled.");
  await expect.poll(async () => (await storedNotes(prisma, interviewId)).B1_Q2?.text).toBe("Trade across the border doubled.");
  await page.reload();
  await expect(refusal).toBeVisible();
  await expect(notes(page, "B1_Q1")).toHaveValue("Pasted from a PDF:\u0000 tariffs fell.");
  await notes(page, "B2_Q1").fill("Written after the reload.");
  await expect.poll(async () => (await storedNotes(prisma, interviewId)).B2_Q1?.text).toBe("Written after the reload.");
  expect(await pendingInQueue(page)).toBe(0);

  // Finishing waits for the refused note: corrected, it is saved and the interview finishes.
  await page.getByRole("button", { name: "Finish interview" }).first().click();
  await page.getByRole("dialog").getByRole("button", { name: "Finish", exact: true }).click();
  await expect(page.getByRole("dialog").getByRole("alert")).toContainText("Notes on B1_Q1 were not saved");
  await page.getByRole("dialog").getByRole("button", { name: "Keep working" }).click();
  await notes(page, "B1_Q1").fill("Pasted from a PDF: tariffs fell.");
  await expect(refusal).toHaveCount(0);
  await allSaved(page);
  await page.getByRole("button", { name: "Finish interview" }).first().click();
  await page.getByRole("dialog").getByRole("button", { name: "Finish", exact: true }).click();
  await expect(page.getByTestId("finished-notice")).toBeVisible();
  expect(await storedNotes(prisma, interviewId)).toMatchObject({
    B1_Q1: { text: "Pasted from a PDF: tariffs fell." },
    B1_Q2: { text: "Trade across the border doubled." },
    B2_Q1: { text: "Written after the reload." },
  });
  await page.context().close();
});
