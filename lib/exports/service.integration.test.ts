import { execFileSync, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TActor } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { CANNOT_ASSESS, NOT_ANSWERED } from "@/lib/exports/layout";
import type { TExportFormat } from "@/lib/exports/formats";
import { exportStudyData } from "@/lib/exports/service";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createInstrumentWith } from "@/lib/instrument/create";
import { ZQuestionnaire, type TQuestionnaireInput } from "@/lib/instrument/definition";
import { confirmedText } from "@/lib/i18n/text";
import { getQuestionnaireState, recordConsent, saveAnswer, submitResponse } from "@/lib/responses/service";
import { createPrismaClient } from "@/lib/db/client";
import pg from "pg";
import { loadExportContext, pgSql } from "@/lib/exports/data";
import { WRITERS } from "@/lib/exports/formats";
import { createScratchDatabase, testPrisma } from "@/lib/testing/db";
import { PAIR_MEANS } from "@/prisma/seed/demo-data";
import { DEMO_STUDY_SLUG, seedDemo } from "@/prisma/seed/demo";
import { rejection } from "@/lib/testing/errors";
import { openWave } from "@/lib/instrument/wave-admin";
import { actorFor, joinStudy, makeNamedExpert, makeStaff, makeStudy } from "@/lib/testing/factories";

const prisma = testPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await db().$disconnect();
});

// ── A questionnaire with every item type, labelled in Russian and English.

const t = (ru: string, en: string) => confirmedText(ru, en);
const INJECTION = "=cmd|' /C calc'!A0";
const SCRIPT = "<script>alert(1)</script>";
const LONG_TEXT = "Приграничное сотрудничество — ".repeat(20) + "конец"; // about 600 bytes: a very long string in SPSS

function questionnaire(roleText = t("Ваша роль", "Your role")): TQuestionnaireInput {
  return {
    kind: "questionnaire",
    title: t("Анкета", "Questionnaire"),
    sections: [
      {
        code: "S1",
        title: t("Раздел", "Section"),
        items: [
          { code: "INTRO", type: "display", text: t("Вступление", "Intro") },
          {
            code: "ROLE",
            type: "single",
            text: roleText,
            options: [
              { code: "GOV", label: t("Госслужба", "Government") },
              { code: "ACAD", label: t("Наука", "Academia") },
              { code: "ROLE_OTHER", label: t("Другое", "Other"), other: true },
            ],
          },
          {
            code: "TOPICS",
            type: "multi",
            text: t("Темы", "Topics"),
            options: [
              { code: "T_A", label: t("Торговля", "Trade") },
              { code: "T_B", label: t("Миграция", "Migration") },
              { code: "T_NONE", label: t("Затрудняюсь ответить", "Hard to say"), exclusive: true },
            ],
          },
          { code: "RISK", type: "scale", text: t("Риск", "Risk"), min: 1, max: 10, minLabel: t("Низкий", "Low"), maxLabel: t("Высокий", "High"), cannotAssess: true },
          {
            code: "PAIRS",
            type: "matrix",
            text: t("Эффективность", "Efficiency"),
            min: 1,
            max: 10,
            cannotAssess: true,
            rows: [
              { code: "PAIRS_RU_BY", label: t("Россия – Беларусь", "Russia – Belarus") },
              { code: "PAIRS_AM_KG", label: t("Армения – Кыргызстан", "Armenia – Kyrgyzstan") },
            ],
          },
          {
            code: "RANK",
            type: "ranking",
            text: t("Приоритеты", "Priorities"),
            topK: 2,
            options: [
              { code: "R_A", label: t("Транспорт", "Transport") },
              { code: "R_B", label: t("Энергетика", "Energy") },
              { code: "R_C", label: t("Туризм", "Tourism") },
            ],
          },
          { code: "SHARE", type: "number", text: t("Доля", "Share"), min: 0, max: 100, integer: false },
          { code: "NOTE", type: "text", text: t("Комментарий", "Comment"), maxLength: 2000 },
        ],
      },
    ],
  };
}

/** What each expert answers (undefined: not answered); the test's own record to compare the exports with. */
type TPlan = { country: string; group: "SCIENTIST" | "OFFICIAL" | "BUSINESS" | "NONPROFIT"; submit: boolean; answers: Record<string, unknown> };
const PLANS: TPlan[] = [
  {
    country: "RU",
    group: "SCIENTIST",
    submit: true,
    answers: {
      ROLE: { choice: "GOV" },
      TOPICS: { choices: ["T_A", "T_B"] },
      RISK: { value: 8 },
      PAIRS: { rows: { PAIRS_RU_BY: 9, PAIRS_AM_KG: 4 } },
      RANK: { order: ["R_B", "R_A"] },
      SHARE: { value: 12.5 },
      NOTE: { text: INJECTION },
    },
  },
  {
    country: "BY",
    group: "OFFICIAL",
    submit: true,
    answers: {
      ROLE: { choice: "ROLE_OTHER", other: "Эксперт-консультант" },
      TOPICS: { choices: ["T_NONE"] },
      RISK: { value: 8 },
      PAIRS: { rows: { PAIRS_RU_BY: 8, PAIRS_AM_KG: "NA" } },
      RANK: { order: ["R_C"] },
      NOTE: { text: LONG_TEXT },
    },
  },
  { country: "KZ", group: "BUSINESS", submit: true, answers: { ROLE: { choice: "ACAD" }, RISK: { cannotAssess: true }, PAIRS: { rows: { PAIRS_RU_BY: 8 } }, NOTE: { text: SCRIPT } } },
  { country: "AM", group: "NONPROFIT", submit: false, answers: { ROLE: { choice: "ACAD" }, RISK: { value: 3 }, SHARE: { value: 40 } } },
  { country: "KG", group: "SCIENTIST", submit: true, answers: { ROLE: { choice: "GOV" } } },
];

const CONSENT_VERSION = 1;

type TSetup = { studyId: string; slug: string; coordinator: TActor; pseudonyms: number[]; instrumentId: string; experts: TActor[] };
let setup: TSetup;

/** Seeds the plans through the expert's own service calls (consent, autosave, submission). */
async function seed(): Promise<TSetup> {
  const study = await makeStudy(prisma);
  await prisma.study.update({ where: { id: study.id }, data: { consentText: t("Согласен", "I agree") as Prisma.InputJsonValue, consentVersion: CONSENT_VERSION } });
  const { instrumentId } = await createInstrumentWith(prisma, {
    studyId: study.id,
    kind: "questionnaire",
    name: "Q",
    definition: ZQuestionnaire.parse(questionnaire()),
    actorId: null,
    publish: true,
  });
  const pseudonyms: number[] = [];
  const experts: TActor[] = [];
  for (const [i, plan] of PLANS.entries()) {
    // The last expert answers version 2, published in between, whose ROLE text differs.
    if (i === PLANS.length - 1) {
      await prisma.instrumentVersion.create({
        data: { instrumentId, number: 2, status: "PUBLISHED", publishedAt: new Date(), content: ZQuestionnaire.parse(questionnaire(t("Ваша должность", "Your position"))) as Prisma.InputJsonValue },
      });
    }
    const expert = await makeNamedExpert(prisma, study.id, { country: plan.country, expertGroup: plan.group });
    pseudonyms.push((await prisma.expert.findUniqueOrThrow({ where: { id: expert.expertId } })).pseudonym);
    const actor = await actorFor(prisma, expert.userId);
    experts.push(actor);
    await recordConsent(actor, { decision: "ACCEPTED", textVersion: CONSENT_VERSION, language: "ru" });
    const versionId = (await getQuestionnaireState(actor)).questionnaire!.versionId;
    for (const [item, value] of Object.entries(plan.answers)) {
      expect(await saveAnswer(actor, { mutationId: randomUUID(), versionId, item, baseRevision: 0, value })).toMatchObject({ status: "saved" });
    }
    if (plan.submit) await submitResponse(actor);
  }
  const staff = await makeStaff(prisma, "COORDINATOR");
  await joinStudy(prisma, study.id, staff);
  const coordinator = await actorFor(prisma, staff.id);
  return { studyId: study.id, slug: study.slug, coordinator, pseudonyms, instrumentId, experts };
}

beforeAll(async () => {
  setup = await seed();
});

async function download(format: TExportFormat, lang: "ru" | "en" = "ru", wave?: number | "all") {
  const file = await exportStudyData(setup.coordinator, setup.studyId, format, lang, wave);
  return { ...file, bytes: Buffer.from(await new Response(file.body).arrayBuffer()) };
}

const csvRecords = (bytes: Buffer) => parse(bytes.toString("utf8"), { bom: true, columns: true }) as Array<Record<string, string>>;

describe("exports: access and audit", () => {
  it("only coordinators export, and every export is recorded in the audit log", async () => {
    const interviewer = await actorFor(prisma, (await makeStaff(prisma, "INTERVIEWER")).id);
    expect((await rejection(exportStudyData(interviewer, setup.studyId, "wide.csv", "en"))).status).toBe(403);
    expect((await rejection(exportStudyData(setup.coordinator, randomUUID(), "wide.csv", "en"))).status).toBe(404);
    // A coordinator of another study: the export is not found, and nothing is audited for them.
    const outsider = await actorFor(prisma, (await makeStaff(prisma, "COORDINATOR")).id);
    expect((await rejection(exportStudyData(outsider, setup.studyId, "wide.csv", "en"))).status).toBe(404);
    expect(await prisma.auditEvent.count({ where: { actorId: outsider.userId } })).toBe(0);
    await download("codebook.json");
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: setup.studyId, action: "export.codebook.json" } });
    expect(audit.actorId).toBe(setup.coordinator.userId);
  });
});

describe("exports: CSV", () => {
  it("wide: one row per response in pseudonym order, one column per item, option, row and rank; declared codes for missing", async () => {
    const file = await download("wide.csv");
    expect(file.contentType).toContain("text/csv");
    expect(file.filename).toBe(`${setup.slug}-wide.csv`);
    const rows = csvRecords(file.bytes);
    expect(Object.keys(rows[0]!)).toEqual([
      "pseudonym", "wave", "country", "expert_group", "status", "version", "started_at", "updated_at", "submitted_at",
      "ROLE", "ROLE_other", "TOPICS_T_A", "TOPICS_T_B", "TOPICS_T_NONE", "RISK", "PAIRS_RU_BY", "PAIRS_AM_KG", "RANK_R_A", "RANK_R_B", "RANK_R_C", "SHARE", "NOTE",
    ]);
    expect(rows.map((r) => Number(r.pseudonym))).toEqual(setup.pseudonyms);
    const [ru, by, kz, am, kg] = rows as [Record<string, string>, Record<string, string>, Record<string, string>, Record<string, string>, Record<string, string>];
    expect(ru).toMatchObject({ wave: "1", country: "RU", expert_group: "SCIENTIST", status: "SUBMITTED", version: "1", ROLE: "1", TOPICS_T_A: "1", TOPICS_T_B: "1", TOPICS_T_NONE: "0" });
    expect(ru).toMatchObject({ RISK: "8", PAIRS_RU_BY: "9", PAIRS_AM_KG: "4", RANK_R_A: "2", RANK_R_B: "1", RANK_R_C: "0", SHARE: "12.5" });
    // Formula injection: the open text arrives as text (apostrophe-prefixed), not a formula.
    expect(ru.NOTE).toBe(`'${INJECTION}`);
    expect(by).toMatchObject({ ROLE: "3", ROLE_other: "Эксперт-консультант", TOPICS_T_NONE: "1", PAIRS_AM_KG: String(CANNOT_ASSESS), RANK_R_C: "1", NOTE: LONG_TEXT });
    expect(kz).toMatchObject({ ROLE: "2", RISK: String(CANNOT_ASSESS), PAIRS_AM_KG: String(NOT_ANSWERED), TOPICS_T_A: String(NOT_ANSWERED), NOTE: SCRIPT, SHARE: "" });
    expect(am).toMatchObject({ status: "IN_PROGRESS", submitted_at: "", RISK: "3", SHARE: "40" });
    expect(kg).toMatchObject({ version: "2", ROLE: "1", RISK: String(NOT_ANSWERED), RANK_R_A: String(NOT_ANSWERED) });
  });

  it("long: one row per stored answer, with option codes", async () => {
    const rows = csvRecords((await download("long.csv")).bytes);
    expect(rows).toHaveLength(PLANS.reduce((n, p) => n + Object.keys(p.answers).length, 0));
    const of = (pseudonym: number, item: string) => rows.find((r) => Number(r.pseudonym) === pseudonym && r.item === item);
    const [p1, p2, p3] = setup.pseudonyms as [number, number, number];
    expect(of(p1, "TOPICS")).toMatchObject({ item_type: "multi", value: "T_A;T_B", country: "RU" });
    expect(of(p1, "RANK")).toMatchObject({ value: "R_B;R_A" });
    expect(of(p1, "NOTE")!.value).toBe(`'${INJECTION}`);
    expect(of(p2, "ROLE")).toMatchObject({ value: "ROLE_OTHER", other: "Эксперт-консультант" });
    expect(of(p2, "PAIRS")).toMatchObject({ value: "PAIRS_RU_BY=8;PAIRS_AM_KG=cannot_assess" });
    expect(of(p3, "RISK")).toMatchObject({ value: "cannot_assess" });
    // When each answer was last changed, as stored (milliseconds, UTC); a response's answers in questionnaire order.
    const stored = await prisma.answer.findMany({ where: { response: { expert: { studyId: setup.studyId } } }, select: { itemCode: true, updatedAt: true, response: { select: { expert: { select: { pseudonym: true } } } } } });
    for (const a of stored) expect(of(a.response.expert.pseudonym, a.itemCode)?.answered_at).toBe(a.updatedAt.toISOString());
    expect(rows.filter((r) => Number(r.pseudonym) === p1).map((r) => r.item)).toEqual(["ROLE", "TOPICS", "RISK", "PAIRS", "RANK", "SHARE", "NOTE"]);
  });
});

describe("exports: XLSX", () => {
  it("has the data, variable-labels and value-labels sheets; text that looks like a formula stays a string", async () => {
    const file = await download("data.xlsx");
    expect(file.bytes.subarray(0, 2).toString()).toBe("PK");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["data", "variable labels", "value labels"]);
    const data = workbook.getWorksheet("data")!;
    const header = (data.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    expect(data.rowCount).toBe(1 + PLANS.length);
    const note = data.getRow(2).getCell(col("NOTE"));
    expect(note.type).toBe(ExcelJS.ValueType.String);
    expect(note.value).toBe(INJECTION);
    expect(note.formula).toBeUndefined();
    expect(data.getRow(4).getCell(col("NOTE")).value).toBe(SCRIPT);
    expect(data.getRow(2).getCell(col("RISK")).value).toBe(8);

    const labels = workbook.getWorksheet("variable labels")!;
    const labelRow = (name: string) => {
      for (let r = 2; r <= labels.rowCount; r++) if (labels.getRow(r).getCell(1).value === name) return (labels.getRow(r).values as unknown[]).slice(1);
      return null;
    };
    expect(labelRow("RISK")?.slice(0, 6)).toEqual(["RISK", "Риск", "Risk", "RISK", "scale", "1, 2"]);
    expect(labelRow("RISK")?.[6] ?? "").toBe("");
    expect(labelRow("PAIRS_RU_BY")?.slice(1, 3)).toEqual(["Эффективность — Россия – Беларусь", "Efficiency — Russia – Belarus"]);
    // Versions differ in ROLE's text: the newest text labels it, and the sheet says so.
    expect(labelRow("ROLE")?.slice(1, 3)).toEqual(["Ваша должность", "Your position"]);
    expect(String(labelRow("ROLE")?.[6])).toContain("text differs in version 1");

    const values = workbook.getWorksheet("value labels")!;
    const valueRows = [];
    for (let r = 2; r <= values.rowCount; r++) valueRows.push((values.getRow(r).values as unknown[]).slice(1));
    expect(valueRows).toContainEqual(["ROLE", 3, "Другое", "Other"]);
    expect(valueRows).toContainEqual(["RISK", CANNOT_ASSESS, "Затрудняюсь оценить", "Cannot assess", "missing"]);
    expect(valueRows).toContainEqual(["RISK", 10, "Высокий", "High"]);
  });
});

describe("exports: codebook", () => {
  it("lists items, options with their codes, labels in both languages, versions and differences", async () => {
    const file = await download("codebook.json");
    const book = JSON.parse(file.bytes.toString("utf8"));
    expect(book.versions.map((v: { number: number }) => v.number)).toEqual([1, 2]);
    expect(book.missingCodes).toEqual({ cannotAssess: CANNOT_ASSESS, notAnswered: NOT_ANSWERED });
    expect(book.items.map((i: { code: string }) => i.code)).toEqual(["ROLE", "TOPICS", "RISK", "PAIRS", "RANK", "SHARE", "NOTE"]);
    const role = book.items[0];
    expect(role.options).toEqual([
      { code: "GOV", value: 1, label: { ru: "Госслужба", en: "Government" }, other: false, versions: [1, 2] },
      { code: "ACAD", value: 2, label: { ru: "Наука", en: "Academia" }, other: false, versions: [1, 2] },
      { code: "ROLE_OTHER", value: 3, label: { ru: "Другое", en: "Other" }, other: true, versions: [1, 2] },
    ]);
    expect(role.differences).toEqual(["text differs in version 1"]);
    expect(role.variables.map((v: { name: string }) => v.name)).toEqual(["ROLE", "ROLE_other"]);
  });
});

// ── SPSS: the file is opened by GNU PSPP, and its figures compared with the plans above.

const pspp = spawnSync("pspp", ["--version"], { encoding: "utf8" });
const havePspp = pspp.status === 0;
if (!havePspp) console.warn("Skipping the PSPP check of the .sav export: `pspp` is not installed (apt-get install -y pspp; CI installs it).");

/** The frequency table of a variable from PSPP's CSV output: row label -> count. */
function frequencies(output: string, title: string): Map<string, number> {
  const start = output.indexOf(`Table: ${title}\n`);
  expect(start, `no frequency table "${title}"`).toBeGreaterThanOrEqual(0);
  const lines = output.slice(start).split("\n").slice(2);
  const counts = new Map<string, number>();
  for (const line of lines) {
    if (!line.trim() || line.startsWith("Total")) break;
    const [, label, count] = parse(line)[0] as string[];
    counts.set(label!, Number(count));
  }
  return counts;
}

describe.skipIf(!havePspp)("exports: SPSS .sav", () => {
  it("opens in PSPP with Cyrillic labels, declared missing values, long strings and the expected frequencies", async () => {
    const file = await download("data.sav", "ru");
    expect(file.filename).toBe(`${setup.slug}-data-ru.sav`);
    const dir = mkdtempSync(path.join(tmpdir(), "sav-"));
    try {
      const sav = path.join(dir, "data.sav");
      writeFileSync(sav, file.bytes);
      writeFileSync(
        path.join(dir, "check.sps"),
        `GET FILE='${sav}'.\nDISPLAY DICTIONARY.\nFREQUENCIES /VARIABLES=RISK ROLE TOPICS_T_A PAIRS_AM_KG.\n`,
      );
      const run = spawnSync("pspp", ["-o", path.join(dir, "out.csv"), path.join(dir, "check.sps")], { encoding: "utf8" });
      const output = readFileSync(path.join(dir, "out.csv"), "utf8");
      expect(run.status, run.stderr + output).toBe(0);
      expect(output).not.toMatch(/error:/i);

      // The dictionary: Cyrillic variable and value labels, the missing codes declared.
      expect(output).toContain("Эффективность — Армения – Кыргызстан");
      expect(output).toMatch(/RISK,\d+,Риск/);
      expect(output).toContain("Затрудняюсь оценить");
      expect(output).toMatch(/998; ?999/);

      // Frequencies computed here from the plans, independently of the export code.
      const risk = new Map<string, number>();
      const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
      for (const p of PLANS) {
        const v = p.answers.RISK as { value?: number; cannotAssess?: true } | undefined;
        bump(risk, !v ? "Нет ответа" : v.cannotAssess ? "Затрудняюсь оценить" : v.value === 10 ? "Высокий" : v.value === 1 ? "Низкий" : String(v.value));
      }
      expect(frequencies(output, "Риск")).toEqual(risk);
      const roleLabels: Record<string, string> = { GOV: "Госслужба", ACAD: "Наука", ROLE_OTHER: "Другое" };
      const role = new Map<string, number>();
      for (const p of PLANS) bump(role, roleLabels[(p.answers.ROLE as { choice: string }).choice]!);
      expect(frequencies(output, "Ваша должность")).toEqual(role);
      const pairs = new Map<string, number>();
      for (const p of PLANS) {
        const v = (p.answers.PAIRS as { rows: Record<string, unknown> } | undefined)?.rows.PAIRS_AM_KG;
        bump(pairs, v === undefined ? "Нет ответа" : v === "NA" ? "Затрудняюсь оценить" : String(v));
      }
      expect(frequencies(output, "Эффективность — Армения – Кыргызстан")).toEqual(pairs);

      // Data read back: strings (long, Cyrillic, formula-like, markup) unchanged.
      execFileSync("pspp-convert", [sav, path.join(dir, "back.csv")]);
      const back = parse(readFileSync(path.join(dir, "back.csv"), "utf8"), { columns: true }) as Array<Record<string, string>>;
      expect(back.map((r) => r.NOTE!.trimEnd())).toEqual([INJECTION, LONG_TEXT, SCRIPT, "", ""]);
      expect(back.map((r) => r.ROLE_other!.trimEnd())).toEqual(["", "Эксперт-консультант", "", "", ""]);
      expect(back.map((r) => r.SHARE!.trim())).toEqual(["12.5", "", "", "40", ""]);
      expect(back.map((r) => r.country)).toEqual(PLANS.map((p) => p.country));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// ── Waves: the wave variable in every format; one wave (the latest by default) or all of them.

describe("exports: waves", () => {
  it("after wave 2 opens: the latest wave by default, wave 1 on request, all waves as a row per expert and wave; the .sav labels the waves", async () => {
    await openWave(setup.coordinator, { instrumentId: setup.instrumentId });
    const first = setup.experts[0]!;
    const versionId = (await getQuestionnaireState(first)).questionnaire!.versionId;
    for (const [item, value] of [["RISK", { value: 2 }], ["ROLE", { choice: "ACAD" }]] as const) {
      expect(await saveAnswer(first, { mutationId: randomUUID(), versionId, item, baseRevision: 0, value })).toMatchObject({ status: "saved" });
    }
    const [p1] = setup.pseudonyms as [number];

    const latest = await download("wide.csv");
    expect(latest.filename).toBe(`${setup.slug}-wide-wave2.csv`);
    expect(csvRecords(latest.bytes).map((r) => [Number(r.pseudonym), r.wave, r.RISK, r.ROLE])).toEqual([[p1, "2", "2", "2"]]);
    const wave1 = csvRecords((await download("wide.csv", "ru", 1)).bytes);
    expect(wave1.map((r) => [Number(r.pseudonym), r.wave])).toEqual(setup.pseudonyms.map((p) => [p, "1"]));
    expect(wave1[0]).toMatchObject({ RISK: "8", ROLE: "1" });

    const all = await download("wide.csv", "ru", "all");
    expect(all.filename).toBe(`${setup.slug}-wide-all-waves.csv`);
    expect(csvRecords(all.bytes).map((r) => [Number(r.pseudonym), r.wave])).toEqual([[p1, "1"], [p1, "2"], ...setup.pseudonyms.slice(1).map((p) => [p, "1"])]);

    const long = csvRecords((await download("long.csv", "ru", "all")).bytes);
    expect(Object.keys(long[0]!).slice(0, 3)).toEqual(["pseudonym", "wave", "country"]);
    expect(long).toHaveLength(PLANS.reduce((n, p) => n + Object.keys(p.answers).length, 0) + 2);
    expect(long.filter((r) => r.wave === "2").map((r) => [Number(r.pseudonym), r.item, r.value])).toEqual([[p1, "ROLE", "ACAD"], [p1, "RISK", "2"]]);

    const codebook = JSON.parse((await download("codebook.json", "en", "all")).bytes.toString("utf8")) as { waves: unknown };
    expect(codebook.waves).toEqual([
      { number: 1, kind: "WAVE", label: { ru: "Волна 1", en: "Wave 1" } },
      { number: 2, kind: "WAVE", label: { ru: "Волна 2", en: "Wave 2" } },
    ]);
  });

  it.skipIf(!havePspp)("the .sav of all waves opens in PSPP with the wave variable labelled", async () => {
    const file = await download("data.sav", "en", "all");
    const dir = mkdtempSync(path.join(tmpdir(), "sav-waves-"));
    try {
      const sav = path.join(dir, "data.sav");
      writeFileSync(sav, file.bytes);
      writeFileSync(path.join(dir, "check.sps"), `GET FILE='${sav}'.\nDISPLAY DICTIONARY.\nFREQUENCIES /VARIABLES=wave.\n`);
      const run = spawnSync("pspp", ["-o", path.join(dir, "out.csv"), path.join(dir, "check.sps")], { encoding: "utf8" });
      const output = readFileSync(path.join(dir, "out.csv"), "utf8");
      expect(run.status, run.stderr + output).toBe(0);
      expect(output).not.toMatch(/error:/i);
      expect(frequencies(output, "Wave (round)")).toEqual(new Map([["Wave 1", PLANS.length], ["Wave 2", 1]]));
      execFileSync("pspp-convert", [sav, path.join(dir, "back.csv")]);
      const back = parse(readFileSync(path.join(dir, "back.csv"), "utf8"), { columns: true }) as Array<Record<string, string>>;
      expect(back.map((r) => r.wave!.trim())).toEqual(["1", "2", ...PLANS.slice(1).map(() => "1")]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// ── The demo study (the full EAEU questionnaire and its synthetic respondents) exports cleanly.

describe.skipIf(!havePspp)("exports: the demo study", () => {
  it("opens in PSPP and its Q5 means match the codebook's pair figures", async () => {
    const scratch = await createScratchDatabase({ migrated: true });
    const client = createPrismaClient({ url: scratch.url, max: 2, connectionTimeoutMs: 5_000, statementTimeoutMs: 60_000 });
    const dir = mkdtempSync(path.join(tmpdir(), "sav-demo-"));
    try {
      await seedDemo(client);
      const study = await client.study.findFirstOrThrow({ where: { slug: DEMO_STUDY_SLUG } });
      const ctx = (await loadExportContext(client, study.id))!;
      const chunks: Buffer[] = [];
      const pool = new pg.Pool({ connectionString: scratch.url, max: 1 });
      for await (const chunk of WRITERS["data.sav"](pgSql(pool), ctx, "en")) chunks.push(Buffer.from(chunk as Uint8Array));
      await pool.end();
      const sav = path.join(dir, "demo.sav");
      writeFileSync(sav, Buffer.concat(chunks));
      writeFileSync(path.join(dir, "check.sps"), `GET FILE='${sav}'.\nDISPLAY DICTIONARY.\nSELECT IF status = 'SUBMITTED'.\nDESCRIPTIVES /VARIABLES=Q5_RU_BY Q5_AM_KG.\n`);
      const run = spawnSync("pspp", ["-o", path.join(dir, "out.csv"), path.join(dir, "check.sps")], { encoding: "utf8" });
      const output = readFileSync(path.join(dir, "out.csv"), "utf8");
      expect(run.status, run.stderr + output.slice(0, 2000)).toBe(0);
      expect(output).not.toMatch(/error:/i);
      const descriptives = output.slice(output.indexOf("Table: Descriptive Statistics"));
      // DESCRIPTIVES: "<variable label>,N,Mean,…"; "cannot assess" is declared missing, so it is left out of the mean.
      const meanOf = (pair: string) => Number((parse(descriptives.split("\n").find((l) => l.includes(`— ${pair},`)) ?? "")[0] as string[] | undefined)?.[2]);
      expect(meanOf("Russia – Belarus")).toBeCloseTo(PAIR_MEANS.Q5_RU_BY!, 1);
      expect(meanOf("Armenia – Kyrgyzstan")).toBeCloseTo(PAIR_MEANS.Q5_AM_KG!, 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await client.$disconnect();
      await scratch.drop();
    }
  });
});
