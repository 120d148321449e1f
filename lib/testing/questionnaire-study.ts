import { afterAll } from "vitest";
import { db } from "@/lib/db";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { createInstrumentWith } from "@/lib/instrument/create";
import { ZQuestionnaire, type TQuestionnaire, type TQuestionnaireInput } from "@/lib/instrument/definition";
import { confirmedText } from "@/lib/i18n/text";
import { recordConsent } from "@/lib/responses/service";
import { testPrisma } from "./db";
import { actorFor, makeExpert, makeStaff, makeStudy } from "./factories";

/**
 * The set-up the wave, round and monitor tests share: a study whose experts consent and answer one
 * published questionnaire.
 */

/** The test file's Prisma client, and the app's, both closed after its last test. */
export function testPrismaClosedAfterAll() {
  const prisma = testPrisma();
  afterAll(async () => {
    await prisma.$disconnect();
    await db().$disconnect();
  });
  return prisma;
}

/** A text confirmed in both languages: "`s` (ru)" and "`s` (en)". */
export const bilingual = (s: string) => confirmedText(`${s} (ru)`, `${s} (en)`);

/** A required 1–10 scale item whose text is its code. */
export const scaleItem = (code: string) => ({ code, type: "scale" as const, text: bilingual(code), min: 1, max: 10, required: true });

/** An option whose label is its code. */
export const option = (code: string, extra: { other?: boolean; exclusive?: boolean } = {}) => ({ code, label: bilingual(code), ...extra });

/** Questionnaire "Q" with one section "S1" of the given items, as an editor would send it. */
export function oneSectionInput(items: TQuestionnaireInput["sections"][number]["items"]): TQuestionnaireInput {
  return { kind: "questionnaire", title: bilingual("Q"), sections: [{ code: "S1", title: bilingual("S1"), items }] };
}

/** The same, checked and normalised as the server stores it. */
export const oneSectionQuestionnaire = (items: TQuestionnaireInput["sections"][number]["items"]) => ZQuestionnaire.parse(oneSectionInput(items));

/** Gives the study consent text version 1 (and any other `studyData`) and publishes `definition` as its questionnaire "Q". */
export async function publishQuestionnaire(prisma: PrismaClient, studyId: string, definition: TQuestionnaire, studyData: Prisma.StudyUpdateInput = {}) {
  await prisma.study.update({ where: { id: studyId }, data: { consentText: bilingual("I agree") as Prisma.InputJsonValue, consentVersion: 1, ...studyData } });
  return createInstrumentWith(prisma, { studyId, kind: "questionnaire", name: "Q", definition, actorId: null, publish: true });
}

/** A new expert of the study who has accepted its consent text, and their actor. */
export async function consentedExpert(prisma: PrismaClient, studyId: string) {
  const expert = await makeExpert(prisma, studyId);
  const actor = await actorFor(prisma, expert.userId);
  await recordConsent(actor, { decision: "ACCEPTED", textVersion: 1, language: "en" });
  return { expert, actor };
}

/** A coordinator's new study with `definition` published as its questionnaire (see publishQuestionnaire): the study, the coordinator's account and actor, the instrument and its version. */
export async function coordinatedQuestionnaire(prisma: PrismaClient, definition: TQuestionnaire, studyData: Prisma.StudyUpdateInput = {}) {
  const staff = await makeStaff(prisma, "COORDINATOR");
  const study = await makeStudy(prisma, staff);
  const coordinator = await actorFor(prisma, staff.id);
  const { instrumentId, versionId } = await publishQuestionnaire(prisma, study.id, definition, studyData);
  return { study, staff, coordinator, instrumentId, versionId };
}
