import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ExpertGroup, Language } from "@/lib/generated/prisma/enums";
import { issueInvitation } from "@/lib/auth/invitations";
import { createInstrumentWith } from "@/lib/instrument/create";
import { confirmedText } from "@/lib/i18n/text";
import { ZGuide, ZQuestionnaire } from "@/lib/instrument/definition";
import { addExpert } from "@/lib/panel/experts";
import { DEMO_PEOPLE, demoChecklist, demoStatus, demoTrack } from "@/prisma/seed/demo-panel";
import { seedCodebook } from "@/lib/codebook/seed";
import { seedDemoData } from "@/prisma/seed/demo-data";
import { seedDemoRound } from "@/prisma/seed/demo-round";
import { seedDemoWork } from "@/prisma/seed/demo-work";
import { deliverMessage } from "@/lib/messaging/delivery";
import { eaeuCodebook } from "@/prisma/seed/eaeu/codebook";
import { eaeuGuide } from "@/prisma/seed/eaeu/guide";
import { eaeuQuestionnaire } from "@/prisma/seed/eaeu/questionnaire";
import { createStaffAccount } from "@/lib/users/accounts";

export const DEMO_STUDY_SLUG = "eaeu-2019";
export const DEMO_COORDINATOR_EMAIL = "coordinator@demo.local";
export const DEMO_INTERVIEWER_EMAIL = "interviewer@demo.local";
export const DEMO_EXPERT_EMAIL = "expert1@demo.local";

export type TDemoSignIns = {
  coordinator: { email: string; password: string };
  interviewer: { email: string; password: string };
};

const COUNTRIES = ["RU", "BY", "KZ", "AM", "KG"] as const;
const GROUPS: ExpertGroup[] = ["SCIENTIST", "OFFICIAL", "BUSINESS", "NONPROFIT"];

export const DEMO_CONSENT = confirmedText(
  "Вы приглашены как эксперт в исследование приграничного и межрегионального взаимодействия государств — членов ЕАЭС. " +
    "Анкета займёт около 30 минут. Участие добровольное: вы можете прервать его в любой момент, а ваши ответы сохраняются по мере заполнения. " +
    "Ваше имя не публикуется: в отчётах и цитатах используются только псевдоним («Эксперт N») и страна. " +
    "Ответы хранятся на защищённом сервере и доступны только координаторам исследования.",
  "You are invited as an expert to a study of cross-border and interregional interaction of the member states of the EAEU. " +
    "The questionnaire takes about 30 minutes. Taking part is voluntary: you may stop at any time, and your answers are saved as you go. " +
    "Your name is never published: reports and quotes use only a pseudonym (\"Expert N\") and your country. " +
    "Answers are stored on a secure server and are available only to the study's coordinators.",
);

/** A password for a demo account: random per installation, never a default. */
const demoPassword = () => randomBytes(12).toString("base64url");

export async function databaseIsEmpty(prisma: PrismaClient): Promise<boolean> {
  const [users, studies] = await Promise.all([prisma.user.count(), prisma.study.count()]);
  return users === 0 && studies === 0;
}

/**
 * Seeds the demo study: a coordinator, an interviewer, the EAEU questionnaire and interview guide
 * (published, version 1) and a panel of experts across the five countries and four groups. Runs
 * in one transaction, so a failure leaves the database empty.
 */
export async function seedDemo(prisma: PrismaClient): Promise<TDemoSignIns> {
  const signIns: TDemoSignIns = {
    coordinator: { email: DEMO_COORDINATOR_EMAIL, password: demoPassword() },
    interviewer: { email: DEMO_INTERVIEWER_EMAIL, password: demoPassword() },
  };
  const { outboxMessageId } = await prisma.$transaction(
    async (tx) => {
      const coordinator = await createStaffAccount(tx, { ...signIns.coordinator, name: "Demo Coordinator", role: "COORDINATOR", language: "en", isAdmin: true });
      const interviewer = await createStaffAccount(tx, { ...signIns.interviewer, name: "Demo Interviewer", role: "INTERVIEWER", language: "ru" });
      const study = await tx.study.create({
        data: {
          slug: DEMO_STUDY_SLUG,
          isDemo: true,
          status: "FIELDWORK",
          titleEn: "Cross-border and interregional interaction of the member states of the Eurasian Economic Union",
          titleRu: "Приграничное и межрегиональное взаимодействие государств — членов Евразийского экономического союза",
          consentText: DEMO_CONSENT,
          consentVersion: 1,
        },
      });
      await createInstrumentWith(tx, {
        studyId: study.id,
        kind: "questionnaire",
        name: "EAEU expert questionnaire",
        definition: ZQuestionnaire.parse(eaeuQuestionnaire),
        actorId: coordinator.id,
        publish: true,
      });
      await createInstrumentWith(tx, {
        studyId: study.id,
        kind: "guide",
        name: "EAEU interview guide",
        definition: ZGuide.parse(eaeuGuide),
        actorId: coordinator.id,
        publish: true,
      });
      await seedCodebook(tx, study.id, eaeuCodebook);
      // 20 experts: one per country × group cell, so every cell of the funnel has someone.
      const now = Date.now();
      let n = 0;
      for (const country of COUNTRIES) {
        for (const expertGroup of GROUPS) {
          n += 1;
          const person = DEMO_PEOPLE[n - 1]!;
          const status = demoStatus(n);
          const decided = status !== "NOMINATED";
          const language: Language = n % 3 === 0 ? "en" : "ru";
          const { expertId } = await addExpert(tx, {
            studyId: study.id,
            name: person[0],
            email: n === 1 ? DEMO_EXPERT_EMAIL : `expert${n}@demo.local`,
            country,
            expertGroup,
            language,
            profile: {
              organisation: person[1],
              position: person[2],
              degree: person[3],
              publications: person[4],
              experienceYears: person[5],
              leadershipRole: person[6],
              track: demoTrack(n),
              status,
              isDemo: true,
            },
          });
          await tx.expert.update({
            where: { id: expertId },
            data: {
              vetting: demoChecklist(status, person),
              decidedById: decided ? coordinator.id : null,
              decidedAt: decided ? new Date(now - 10 * 86_400_000) : null,
              invitedAt: status === "INVITED" ? new Date(now - 7 * 86_400_000) : null,
            },
          });
        }
      }
      await tx.studyMember.createMany({
        data: [
          { studyId: study.id, userId: coordinator.id, role: "COORDINATOR" },
          { studyId: study.id, userId: interviewer.id, role: "INTERVIEWER" },
        ],
      });
      await seedDemoData(tx, study.id);
      await seedDemoRound(tx, study.id);
      return seedDemoWork(tx, { studyId: study.id, coordinatorId: coordinator.id, countries: COUNTRIES, groups: GROUPS, now: new Date(now) });
    },
    { timeout: 60_000 },
  );
  // The outbox's invitation is delivered as the job queue would: a fresh link, the study's template.
  await deliverMessage(prisma, outboxMessageId, { transport: { kind: "outbox" }, baseUrl: "", ttlDays: 14 }, { lastAttempt: true });
  return signIns;
}

/** A fresh single-use link for the demo expert (Expert 1), printed at every start. */
export async function demoExpertLink(prisma: PrismaClient, ttlDays: number): Promise<string | null> {
  const expert = await prisma.expert.findFirst({
    where: { user: { email: DEMO_EXPERT_EMAIL }, study: { slug: DEMO_STUDY_SLUG } },
    select: { id: true },
  });
  if (!expert) return null;
  const { token } = await issueInvitation(prisma, { expertId: expert.id, issuedById: null, ttlDays });
  return `/invite/${token}`;
}
