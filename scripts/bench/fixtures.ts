import { randomBytes } from "node:crypto";
import { encode } from "next-auth/jwt";
import { createSession } from "@/lib/auth/sessions";
import { SESSION_COOKIE_MAX_AGE_SECONDS } from "@/lib/auth/session-policy";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { createInstrumentWith } from "@/lib/instrument/create";
import { ZQuestionnaire, type TItem, type TQuestionnaire } from "@/lib/instrument/definition";
import { confirmedText } from "@/lib/i18n/text";
import { addExpert } from "@/lib/panel/experts";
import { mapLimit } from "./stats";

/**
 * Benchmark data, made through the app's own helpers (as the demo seed and the e2e fixtures do):
 * a study with a published questionnaire, a panel of experts who accepted the consent, and one
 * signed-in session per expert with its cookie.
 */

export const ITEM_KINDS = ["single", "scale", "number", "text"] as const;
export type TItemKind = (typeof ITEM_KINDS)[number];

export const TEXT_MAX_LENGTH = 200;
export const NUMBER_MAX = 100_000;

/** `count` items Q1…Qn cycling through single (5 options), scale 1–10, number and text, 10 to a section. */
export function benchQuestionnaire(count = 60): TQuestionnaire {
  const items: unknown[] = [];
  for (let n = 1; n <= count; n++) {
    const code = `Q${n}`;
    const text = confirmedText(`Вопрос ${n}: насколько важен этот фактор?`, `Question ${n}: how important is this factor?`);
    switch (ITEM_KINDS[(n - 1) % ITEM_KINDS.length]!) {
      case "single":
        items.push({
          code,
          text,
          type: "single",
          options: [1, 2, 3, 4, 5].map((k) => ({ code: `${code}_o${k}`, label: confirmedText(`Вариант ${k}`, `Option ${k}`) })),
        });
        break;
      case "scale":
        items.push({ code, text, type: "scale", min: 1, max: 10, minLabel: confirmedText("Совсем нет", "Not at all"), maxLabel: confirmedText("Очень", "Very") });
        break;
      case "number":
        items.push({ code, text, type: "number", min: 0, max: NUMBER_MAX, integer: true });
        break;
      case "text":
        items.push({ code, text, type: "text", multiline: true, maxLength: TEXT_MAX_LENGTH });
        break;
    }
  }
  const sections = [];
  for (let s = 0; s * 10 < items.length; s++) {
    sections.push({ code: `S${s + 1}`, title: confirmedText(`Раздел ${s + 1}`, `Section ${s + 1}`), items: items.slice(s * 10, s * 10 + 10) });
  }
  return ZQuestionnaire.parse({ kind: "questionnaire", title: confirmedText("Анкета для нагрузочного теста", "Load-test questionnaire"), sections });
}

export function kindOf(item: TItem): TItemKind {
  if (item.type === "single" || item.type === "scale" || item.type === "number" || item.type === "text") return item.type;
  throw new Error(`The benchmark does not generate answers for ${item.type} items.`);
}

export type TBenchStudy = { studyId: string; instrumentId: string; versionId: string; consentVersion: number; questionnaire: TQuestionnaire };

export async function createBenchStudy(prisma: PrismaClient, label: string, questionnaire: TQuestionnaire): Promise<TBenchStudy> {
  const slug = `bench-${label}-${Date.now().toString(36)}${randomBytes(2).toString("hex")}`;
  const study = await prisma.study.create({
    data: {
      slug,
      titleEn: `Benchmark (${label})`,
      titleRu: `Нагрузочный тест (${label})`,
      consentText: confirmedText("Согласие для нагрузочного теста.", "Consent for the load test."),
      consentVersion: 1,
    },
    select: { id: true, consentVersion: true },
  });
  const { instrumentId, versionId } = await prisma.$transaction((tx) =>
    createInstrumentWith(tx, { studyId: study.id, kind: "questionnaire", name: "Questionnaire", definition: questionnaire, actorId: null, publish: true }),
  );
  return { studyId: study.id, instrumentId, versionId, consentVersion: study.consentVersion, questionnaire };
}

export type TBenchExpert = { expertId: string; userId: string };

const COUNTRIES = ["RU", "BY", "KZ", "AM", "KG"];
const GROUPS = ["SCIENTIST", "OFFICIAL", "BUSINESS", "NONPROFIT"] as const;

/** Adds `count` experts to the study, `batch` to a transaction (addExpert locks the study row). */
export async function addBenchExperts(prisma: PrismaClient, study: TBenchStudy, count: number, label: string, batch = 100): Promise<TBenchExpert[]> {
  const tag = `${Date.now().toString(36)}${randomBytes(2).toString("hex")}`;
  const experts: TBenchExpert[] = [];
  for (let start = 0; start < count; start += batch) {
    const size = Math.min(batch, count - start);
    const added = await prisma.$transaction(
      async (tx) => {
        const out: TBenchExpert[] = [];
        for (let i = start; i < start + size; i++) {
          const { expertId, userId } = await addExpert(tx, {
            studyId: study.studyId,
            name: `Bench expert ${i + 1}`,
            email: `bench-${label}-${tag}-${i + 1}@bench.test`,
            country: COUNTRIES[i % COUNTRIES.length]!,
            expertGroup: GROUPS[i % GROUPS.length]!,
            language: i % 3 === 0 ? "en" : "ru",
          });
          out.push({ expertId, userId });
        }
        return out;
      },
      { timeout: 120_000 },
    );
    experts.push(...added);
  }
  return experts;
}

/** Each expert accepts the current consent text, as the consent page would record it. */
export async function acceptConsent(prisma: PrismaClient, study: TBenchStudy, experts: TBenchExpert[]): Promise<void> {
  await prisma.consent.createMany({
    data: experts.map((e) => ({ expertId: e.expertId, decision: "ACCEPTED" as const, textVersion: study.consentVersion, language: "en" as const })),
  });
}

export const SESSION_COOKIE = "next-auth.session-token";

/**
 * A server-side session row per expert (as an invitation sign-in makes) and the next-auth JWT
 * cookie naming it, encrypted with the server's NEXTAUTH_SECRET.
 */
export async function signInExperts(prisma: PrismaClient, experts: TBenchExpert[], secret: string): Promise<string[]> {
  return mapLimit(experts, 8, (e) => mintSessionCookie(prisma, { id: e.userId, role: "EXPERT" }, secret));
}

/** One signed-in session (its row and its cookie, `name=value`) for any user. */
export async function mintSessionCookie(prisma: PrismaClient, user: { id: string; role: Role }, secret: string): Promise<string> {
  const sid = await createSession(prisma, user);
  const jwt = await encode({ token: { sub: user.id, sid }, secret, maxAge: SESSION_COOKIE_MAX_AGE_SECONDS });
  return `${SESSION_COOKIE}=${jwt}`;
}

/** A Delphi questionnaire of one 1–10 scale, D1. */
export const delphiQuestionnaire = ZQuestionnaire.parse({
  kind: "questionnaire",
  title: confirmedText("Дельфи", "Delphi"),
  sections: [{ code: "S1", title: confirmedText("Оценки", "Ratings"), items: [{ code: "D1", type: "scale", text: confirmedText("Оценка", "Rating"), min: 1, max: 10, required: true }] }],
});

/**
 * A Delphi round 2 of `itemCode` (a scale): every expert submitted round 1 with `round1(i)`, round 1
 * is closed and round 2 open, asking that item of those who completed round 1 (real-time or not). Written
 * directly, as the demo seed does; the app then decides each expert's assignment as usual.
 */
export async function openDelphiRoundTwo(prisma: PrismaClient, study: TBenchStudy, experts: TBenchExpert[], itemCode: string, round1: (i: number) => number, realtime: boolean): Promise<void> {
  await prisma.$executeRaw`
    WITH x AS (SELECT e, v FROM unnest(${experts.map((e) => e.expertId)}::uuid[], ${experts.map((_, i) => round1(i))}::int[]) AS t(e, v)),
    r AS (
      INSERT INTO "Response" ("expertId", "instrumentId", "versionId", "optionOrder", "status", "submittedAt")
      SELECT x.e, ${study.instrumentId}::uuid, ${study.versionId}::uuid, '{}'::jsonb, 'SUBMITTED', now() FROM x RETURNING "id", "expertId")
    INSERT INTO "Answer" ("responseId", "itemCode", "value", "revision", "mutationId")
    SELECT r."id", ${itemCode}, jsonb_build_object('value', x.v), 1, gen_random_uuid() FROM r JOIN x ON x.e = r."expertId"`;
  await prisma.wave.update({ where: { instrumentId_number: { instrumentId: study.instrumentId, number: 1 } }, data: { status: "CLOSED", closedAt: new Date() } });
  await prisma.wave.create({
    data: { instrumentId: study.instrumentId, number: 2, kind: "DELPHI_ROUND", status: "OPEN", openedAt: new Date(), audience: "PREVIOUS_COMPLETED", itemCodes: [itemCode], versionId: study.versionId, realtime },
  });
}
