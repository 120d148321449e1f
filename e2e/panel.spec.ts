import { randomBytes } from "node:crypto";
import { expect, signInAsStaff, test } from "./fixtures";

const ORIGIN = () => process.env.BASE_URL!;
const HEADER = "name,email,country,group,organisation,position,degree,publications,experience_years,leadership_role,language,track,notes";

/** Three experts whose organisation carries a tag only this test uses, so searches find only them. */
function panelCsv(tag: string, badEmail = false) {
  return [
    HEADER,
    `Irina Tagova,irina-${tag}@e2e.test,Russia,scientist,Institute ${tag},Researcher,PhD,12,15,,ru,questionnaire,`,
    `Aram Tagyan,${badEmail ? "not-an-email" : `aram-${tag}@e2e.test`},AM,NGO,Foundation ${tag},Chair,,3,9,Board,en,interview,`,
    `Bolot Tagov,bolot-${tag}@e2e.test,Kyrgyzstan,Business,Trade ${tag},Director,,0,7,,ru,both,`,
  ].join("\n");
}

test("a coordinator imports experts from CSV: a bad file shows its problems and imports nothing, a good one imports", async ({ page, prisma, studyId, makeStaff }) => {
  const tag = randomBytes(4).toString("hex");
  const ofTag = { studyId, organisation: { contains: tag } };
  await signInAsStaff(page, await makeStaff("COORDINATOR"));
  await expect(page).toHaveURL(/\/coordinator$/);
  await page.getByRole("link", { name: "Panel", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Expert panel" })).toBeVisible();
  await page.goto(`/coordinator/panel?study=${studyId}`);
  await page.getByRole("link", { name: "Import from CSV" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import experts from CSV" })).toBeVisible();

  // A file with a bad e-mail on its third line: the preview names the row and field.
  await page.getByLabel("CSV text").fill(panelCsv(tag, true));
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByTestId("problem-3-email")).toContainText("Enter a valid e-mail address.");
  await expect(page.getByRole("heading", { name: /1 problem/ })).toBeVisible();
  await expect(page.getByTestId("import-row-2")).toContainText(`irina-${tag}@e2e.test`);
  await expect(page.getByRole("button", { name: /^Import/ })).toBeDisabled();
  // Even a direct commit of that file imports nothing.
  const refused = await page.request.post("/api/coordinator/experts/import", { headers: { origin: ORIGIN() }, data: { studyId, csv: panelCsv(tag, true), commit: true } });
  expect(refused.status()).toBe(422);
  expect(await prisma.expert.count({ where: ofTag })).toBe(0);

  // The corrected file, chosen as a file this time.
  await page.getByLabel("Or choose a file").setInputFiles({ name: "panel.csv", mimeType: "text/csv", buffer: Buffer.from(panelCsv(tag)) });
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByText("All 3 rows are valid.")).toBeVisible();
  await page.getByRole("button", { name: "Import 3 experts" }).click();
  await expect(page.getByText("3 experts were added to the panel.")).toBeVisible();

  const experts = await prisma.expert.findMany({ where: ofTag, select: { pseudonym: true, country: true, expertGroup: true, track: true, status: true }, orderBy: { pseudonym: "asc" } });
  expect(experts.map((e) => [e.country, e.expertGroup, e.track, e.status])).toEqual([
    ["RU", "SCIENTIST", "QUESTIONNAIRE", "NOMINATED"],
    ["AM", "NONPROFIT", "INTERVIEW", "NOMINATED"],
    ["KG", "BUSINESS", "BOTH", "NOMINATED"],
  ]);
  expect(new Set(experts.map((e) => e.pseudonym)).size).toBe(3);
});

test("a coordinator searches and filters the panel, and vets an expert on the detail page", async ({ page, prisma, studyId, makeStaff }) => {
  const tag = randomBytes(4).toString("hex");
  const coordinator = await makeStaff("COORDINATOR");
  await signInAsStaff(page, coordinator);
  await expect(page).toHaveURL(/\/coordinator$/);
  const imported = await page.request.post("/api/coordinator/experts/import", { headers: { origin: ORIGIN() }, data: { studyId, csv: panelCsv(tag), commit: true } });
  expect(imported.status()).toBe(200);

  await page.goto(`/coordinator/panel?study=${studyId}`);
  const filters = page.getByRole("search");
  await filters.getByLabel("Search name, e-mail or organisation").fill(tag.toUpperCase());
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`q=${tag.toUpperCase()}`));
  await expect(page.getByTestId("panel-count")).toHaveText("3 experts");
  await filters.getByLabel("Track").selectOption("INTERVIEW");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByTestId("panel-count")).toHaveText("1 expert");
  await expect(page.getByRole("cell", { name: /Aram Tagyan/ })).toBeVisible();
  // The state survives a reload, being in the address.
  await page.reload();
  await expect(filters.getByLabel("Track")).toHaveValue("INTERVIEW");
  await filters.getByLabel("Track").selectOption("");
  await filters.getByLabel("Country").selectOption("KG");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByTestId("panel-count")).toHaveText("1 expert");
  await expect(page.getByRole("cell", { name: /Bolot Tagov/ })).toBeVisible();

  // Open the expert; vetting with a criterion unmet is refused, with all met it is recorded.
  const expert = await prisma.expert.findFirstOrThrow({ where: { studyId, organisation: `Trade ${tag}` } });
  await page.getByTestId(`expert-${expert.id}`).getByRole("link", { name: `Expert ${expert.pseudonym}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Expert ${expert.pseudonym}: Bolot Tagov`);
  await expect(page.getByTestId("expert-status")).toHaveText("Current status: Nominated");
  // No "Live" line here (the page has no live figures), and the reminders checkbox sits beside its label.
  await expect(page.getByText(/^Live: /)).toBeHidden();
  const paused = page.getByRole("checkbox", { name: "Reminders paused for this expert" });
  const box = (await paused.boundingBox())!;
  // Where the label's words are drawn (the label element itself also holds the checkbox).
  const words = await paused.evaluate((input) => {
    const text = [...input.closest("label")!.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim())!;
    const range = document.createRange();
    range.selectNodeContents(text);
    const r = range.getBoundingClientRect();
    return { x: r.x, y: r.y, height: r.height };
  });
  expect(Math.abs(box.y + box.height / 2 - (words.y + words.height / 2))).toBeLessThan(8);
  expect(words.x).toBeGreaterThan(box.x + box.width);
  expect(words.x - (box.x + box.width)).toBeLessThan(24);
  const criteria = ["degreePublications", "expertExperience", "eurasianLeadership"];
  await page.getByTestId(`criterion-${criteria[0]}`).getByLabel("Met").check();
  await page.getByTestId(`criterion-${criteria[0]}`).getByLabel("Note").fill("Trade policy papers");
  await page.getByRole("button", { name: "Mark vetted" }).click();
  await expect(page.getByText(/Mark every vetting criterion as met/)).toBeVisible();
  for (const key of criteria.slice(1)) await page.getByTestId(`criterion-${key}`).getByLabel("Met").check();
  await page.getByRole("button", { name: "Mark vetted" }).click();
  await expect(page.getByTestId("expert-status")).toHaveText("Current status: Vetted");
  await expect(page.getByText(`Decided by ${coordinator.name}`)).toBeVisible();

  const stored = await prisma.expert.findUniqueOrThrow({ where: { id: expert.id } });
  expect(stored).toMatchObject({ status: "VETTED", decidedById: coordinator.id });
  expect(stored.vetting).toMatchObject({ degreePublications: { met: true, note: "Trade policy papers" }, eurasianLeadership: { met: true } });
  const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: expert.id, action: "expert.status" } });
  expect([audit.before, audit.after]).toMatchObject([{ status: "NOMINATED" }, { status: "VETTED", decidedById: coordinator.id }]);

  // Withdrawing is offered and recorded; the list then shows the new status.
  await page.getByRole("button", { name: "Withdraw" }).click();
  await expect(page.getByTestId("expert-status")).toHaveText("Current status: Withdrawn");
  await expect(page.getByRole("button", { name: "Reinstate" })).toBeVisible();

  // The profile edit: the track changes and the list filter follows it.
  const profile = page.getByRole("form", { name: "Profile" });
  await profile.getByLabel("Track").selectOption("INTERVIEW");
  await profile.getByRole("button", { name: "Save" }).click();
  await expect(profile.getByText("Saved.")).toBeVisible();
  await page.goto(`/coordinator/panel?study=${studyId}&q=${tag}&track=INTERVIEW&sort=name`);
  await expect(page.getByTestId("panel-count")).toHaveText("2 experts");
  await expect(page.locator("tbody tr").first()).toContainText("Aram Tagyan");
});

test("a coordinator adds one expert through the form, which checks the e-mail in the browser and on the server", async ({ page, prisma, studyId, makeStaff, makeExpert }) => {
  const tag = randomBytes(4).toString("hex");
  const existing = await makeExpert();
  const existingEmail = (await prisma.user.findUniqueOrThrow({ where: { id: existing.userId } })).email;
  await signInAsStaff(page, await makeStaff("COORDINATOR"));
  await expect(page).toHaveURL(/\/coordinator$/);
  await page.goto(`/coordinator/panel?study=${studyId}`);
  const form = page.getByRole("form", { name: "Add an expert" });
  await form.getByLabel("Name").fill("Saule Tagova");
  await form.getByLabel("E-mail").fill("not-an-email");
  await form.getByRole("button", { name: "Add expert" }).click();
  await expect(form.getByText("Enter a valid e-mail address.")).toBeVisible();
  await form.getByLabel("E-mail").fill(existingEmail);
  await form.getByRole("button", { name: "Add expert" }).click();
  await expect(form.getByText(/Already on this study's panel/).first()).toBeVisible();

  await form.getByLabel("E-mail").fill(`saule-${tag}@e2e.test`);
  await form.getByLabel("Country").selectOption("KZ");
  await form.getByLabel("Group").selectOption("NONPROFIT");
  await form.getByLabel("Organisation").fill(`Association ${tag}`);
  await form.getByLabel("Years of experience").fill("19");
  await form.getByLabel("Track").selectOption("BOTH");
  await form.getByRole("button", { name: "Add expert" }).click();
  await expect(form.getByText(/^Expert \d+ added to the panel\.$/)).toBeVisible();
  const added = await prisma.expert.findFirstOrThrow({ where: { studyId, organisation: `Association ${tag}` } });
  await expect(form.getByText(`Expert ${added.pseudonym} added to the panel.`)).toBeVisible();
  expect(added).toMatchObject({ country: "KZ", expertGroup: "NONPROFIT", experienceYears: 19, track: "BOTH", status: "NOMINATED" });
  await expect(page.getByTestId(`expert-${added.id}`)).toContainText("Saule Tagova");
});
