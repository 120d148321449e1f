import ExcelJS from "exceljs";
import { expect, signInAsStaff, test } from "./fixtures";
import { demoAnswers } from "@/prisma/seed/demo-data";

/** Two respondents of the worker's study with complete, valid answers (the demo seed's generator), written straight to the database. */
async function seedResponses(prisma: import("@/lib/generated/prisma/client").PrismaClient, studyId: string, makeExpert: (o?: { country?: string }) => Promise<{ expertId: string; pseudonym: number }>) {
  const version = await prisma.instrumentVersion.findFirstOrThrow({ where: { instrument: { studyId, kind: "QUESTIONNAIRE" }, status: "PUBLISHED" }, select: { id: true, instrumentId: true, content: true } });
  const { ZQuestionnaire } = await import("@/lib/instrument/definition");
  const q = ZQuestionnaire.parse(version.content);
  const experts = [await makeExpert({ country: "RU" }), await makeExpert({ country: "KG" })];
  const answers = demoAnswers(q, [
    { country: "RU", group: "SCIENTIST", language: "ru", complete: true },
    { country: "KG", group: "SCIENTIST", language: "en", complete: true },
  ]);
  answers[0]!.Q10 = { text: "=HYPERLINK(\"http://evil.test\")" };
  for (const [i, e] of experts.entries()) {
    const response = await prisma.response.create({ data: { expertId: e.expertId, instrumentId: version.instrumentId, versionId: version.id, status: "SUBMITTED", optionOrder: {}, submittedAt: new Date() } });
    await prisma.answer.createMany({ data: Object.entries(answers[i]!).map(([itemCode, value]) => ({ responseId: response.id, itemCode, value: value as object, revision: 1, mutationId: crypto.randomUUID() })) });
  }
  return experts.map((e) => e.pseudonym);
}

test("a coordinator downloads every export from the exports page", async ({ page, prisma, studyId, makeStaff, makeExpert }) => {
  const pseudonyms = await seedResponses(prisma, studyId, makeExpert);
  const coordinator = await makeStaff("COORDINATOR");
  await signInAsStaff(page, coordinator);
  await page.waitForURL("**/coordinator**");
  await page.goto("/coordinator/exports");
  await expect(page.getByRole("link", { name: "Exports" })).toHaveAttribute("aria-current", "page");
  await page.goto(`/coordinator/exports?study=${studyId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Data exports");
  const table = page.getByRole("table", { name: "Downloads for this study" });
  await expect(table.getByRole("link")).toHaveText(["wide.csv", "long.csv", "data.xlsx", "data.sav (ru)", "data.sav (en)", "codebook.json", "aggregates.csv"]);

  // A click downloads the file under its name.
  const [download] = await Promise.all([page.waitForEvent("download"), table.getByRole("link", { name: "wide.csv" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^e2e-.*-wide\.csv$/);

  const fetch = async (name: string) => {
    const href = await table.getByRole("link", { name, exact: true }).getAttribute("href");
    const res = await page.request.get(href!);
    expect(res.status(), name).toBe(200);
    return { type: res.headers()["content-type"], disposition: res.headers()["content-disposition"], body: await res.body() };
  };

  const wide = await fetch("wide.csv");
  expect(wide.type).toBe("text/csv; charset=utf-8");
  const wideLines = wide.body.toString("utf8").replace(/^\ufeff/, "").split("\r\n");
  expect(wideLines[0]).toMatch(/^pseudonym,wave,country,expert_group,status,version,started_at,updated_at,submitted_at,Q1,Q2,/);
  // The worker's study also holds other specs' respondents: the export has one row for each, in pseudonym order.
  const respondents = (await prisma.response.findMany({ where: { instrument: { studyId } }, select: { expert: { select: { pseudonym: true } } } })).map((r) => r.expert.pseudonym).sort((a, b) => a - b);
  expect(respondents).toEqual(expect.arrayContaining(pseudonyms));
  expect(wideLines.filter((l) => /^\d/.test(l)).map((l) => Number(l.split(",")[0]))).toEqual(respondents);
  expect(wide.body.toString("utf8")).toContain(`"'=HYPERLINK(""http://evil.test"")"`);

  const long = await fetch("long.csv");
  expect(long.type).toBe("text/csv; charset=utf-8");
  expect(long.body.toString("utf8")).toMatch(/^\ufeffpseudonym,wave,country,expert_group,status,version,item,item_type,value,other,answered_at\r\n/);
  expect(long.body.toString("utf8")).toContain(`${pseudonyms[1]},1,KG,SCIENTIST,SUBMITTED,1,Q47,single,KG`);

  const xlsx = await fetch("data.xlsx");
  expect(xlsx.type).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
  expect(workbook.worksheets.map((w) => w.name)).toEqual(["data", "variable labels", "value labels"]);
  expect(workbook.getWorksheet("data")!.rowCount).toBe(respondents.length + 1);

  for (const lang of ["ru", "en"]) {
    const sav = await fetch(`data.sav (${lang})`);
    expect(sav.type).toBe("application/x-spss-sav");
    expect(sav.disposition).toContain(`-data-${lang}.sav"`);
    expect(sav.body.subarray(0, 4).toString("latin1")).toBe("$FL2");
    expect(sav.body.includes(Buffer.from(lang === "ru" ? "Россия – Беларусь" : "Russia – Belarus"))).toBe(true);
  }

  const codebook = await fetch("codebook.json");
  expect(codebook.type).toBe("application/json; charset=utf-8");
  const book = JSON.parse(codebook.body.toString("utf8"));
  expect(book.items.find((i: { code: string }) => i.code === "Q5").variables).toHaveLength(10);

  expect(await table.getByRole("link", { name: "aggregates.csv" }).getAttribute("href")).toBe(`/api/coordinator/studies/${studyId}/exports/aggregates.csv`);
  expect(await prisma.auditEvent.count({ where: { actorId: coordinator.id, action: { startsWith: "export." } } })).toBeGreaterThanOrEqual(7);
});

test("exports are for coordinators only", async ({ page, studyId, makeStaff }) => {
  await signInAsStaff(page, await makeStaff("INTERVIEWER"));
  await page.waitForURL("**/interviewer**");
  const res = await page.request.get(`/api/coordinator/studies/${studyId}/exports/wide.csv`);
  expect(res.status()).toBe(403);
  expect((await page.goto("/coordinator/exports"))?.status()).toBe(404);
});
