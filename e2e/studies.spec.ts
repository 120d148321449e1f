import { expect, signInAsExpert, signInAsStaff, test } from "./fixtures";

test("a coordinator creates a study, builds its team and takes it from draft through fieldwork to closed; its experts then see that it is closed", async ({
  page,
  browser,
  prisma,
  makeStaff,
  makeExpert,
}) => {
  test.setTimeout(120_000);
  const [coordinator, colleague] = await Promise.all([makeStaff("COORDINATOR", { studyIds: [] }), makeStaff("INTERVIEWER", { studyIds: [] })]);
  await signInAsStaff(page, coordinator);
  await page.waitForURL("**/coordinator");
  await expect(page.getByText(/not on the team of any study|не входите в команду ни одного/i)).toBeVisible();

  await page.getByRole("link", { name: /^(new study|новое исследование)$/i }).click();
  const title = `Border trade ${Date.now()}`;
  await page.getByLabel(/title \(english\)|название \(на английском\)/i).fill(title);
  await page.getByRole("button", { name: /create study|создать исследование/i }).click();
  // A title in English needs the consent text in English: said next to the field, nothing is created.
  await expect(page.getByText(/consent text in each language|текст согласия на каждом языке/i)).toBeVisible();
  await page.getByLabel(/consent text \(english\)|текст согласия \(на английском\)/i).fill("I agree to take part.");
  await page.getByLabel(/target for republic of kazakhstan, official|целевое значение: республика казахстан/i).first().fill("4");
  await page.getByLabel(/suppression threshold|порог подавления/i).fill("5");
  await page.getByLabel(/fieldwork starts|начало полевого/i).fill("2027-02-01");
  await page.getByLabel(/fieldwork ends|окончание полевого/i).fill("2027-04-30");
  await page.getByRole("button", { name: /create study|создать исследование/i }).click();

  await page.waitForURL(/\/coordinator\/studies\/[0-9a-f-]{36}$/);
  const studyId = new URL(page.url()).pathname.split("/").pop()!;
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const status = page.getByTestId("study-status");
  await expect(status).toHaveText(/draft|черновик/i);
  await expect(page.getByTestId(`member-${coordinator.email}`)).toBeVisible();

  // The team: a colleague's existing account, by e-mail.
  await page.getByLabel(/^(e-mail|электронная почта)$/i).fill(colleague.email);
  await page.getByRole("button", { name: /add to the team|добавить в команду/i }).click();
  await expect(page.getByTestId(`member-${colleague.email}`)).toBeVisible();

  page.on("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: /start fieldwork|начать полевой этап/i }).click();
  await expect(status).toHaveText(/fieldwork|полевой этап/i);

  const study = await prisma.study.findUniqueOrThrow({ where: { id: studyId }, include: { targets: true, members: { orderBy: { role: "asc" } } } });
  expect(study).toMatchObject({ titleEn: title, titleRu: title, languages: ["en"], suppressionK: 5, status: "FIELDWORK", fieldworkStart: new Date("2027-02-01T00:00:00Z") });
  expect(study.targets.map((t) => [t.country, t.expertGroup, t.target])).toEqual([["KZ", "OFFICIAL", 4]]);
  expect(study.members.map((m) => [m.userId, m.role])).toEqual([
    [coordinator.id, "COORDINATOR"],
    [colleague.id, "INTERVIEWER"],
  ]);

  // Closed: the expert sees a message instead of the consent, and the API refuses clearly.
  const expert = await makeExpert({ studyId });
  await page.getByRole("button", { name: /close the study|закрыть исследование/i }).click();
  await expect(status).toHaveText(/closed|закрыто/i);
  const expertContext = await browser.newContext();
  const expertPage = await expertContext.newPage();
  await signInAsExpert(expertPage, expert);
  await expertPage.goto("/expert/consent");
  await expect(expertPage.getByRole("heading", { name: /this study is closed|исследование закрыто/i })).toBeVisible();
  const refused = await expertPage.request.post("/api/expert/consent", { data: { decision: "ACCEPTED", textVersion: 1, language: "en" }, headers: { origin: new URL(page.url()).origin } });
  expect(refused.status()).toBe(409);
  expect((await refused.json()).error.code).toBe("study_closed");
  await expertContext.close();

  // Every step is in the audit log, and the coordinator's home lists the study.
  const actions = (await prisma.auditEvent.findMany({ where: { studyId }, orderBy: { id: "asc" }, select: { action: true } })).map((a) => a.action);
  expect(actions).toEqual(["study.create", "study.member.add", "study.status", "study.status"]);
  await page.goto("/coordinator");
  await expect(page.getByRole("link", { name: title })).toBeVisible();
});
