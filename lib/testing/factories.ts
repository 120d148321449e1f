import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { addExpert } from "@/lib/panel/experts";
import { createStaffAccount } from "@/lib/users/accounts";
import { createSession, type TActor } from "@/lib/auth/sessions";

export const unique = () => `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;

export async function makeStaff(prisma: PrismaClient, role: "COORDINATOR" | "INTERVIEWER", options: { isAdmin?: boolean } = {}) {
  const email = `${role.toLowerCase()}-${unique()}@it.test`;
  const password = randomBytes(12).toString("base64url");
  const { id } = await createStaffAccount(prisma, { email, password, name: `${role} ${unique()}`, role, language: "en", isAdmin: options.isAdmin });
  return { id, email, password, role };
}

/** A study whose team is `members`, each in the role of their account. */
export async function makeStudy(prisma: PrismaClient, ...members: Array<{ id: string; role: "COORDINATOR" | "INTERVIEWER" }>) {
  return prisma.study.create({
    data: { slug: `it-${unique()}`, titleEn: "Study", titleRu: "Исследование", members: { create: members.map((m) => ({ userId: m.id, role: m.role })) } },
  });
}

/** Adds a staff account to a study's team. */
export async function joinStudy(prisma: PrismaClient, studyId: string, member: { id: string; role: "COORDINATOR" | "INTERVIEWER" }) {
  await prisma.studyMember.create({ data: { studyId, userId: member.id, role: member.role } });
}

export async function makeExpert(prisma: PrismaClient, studyId: string) {
  return prisma.$transaction((tx) =>
    addExpert(tx, { studyId, name: "Expert", email: `expert-${unique()}@it.test`, country: "KZ", expertGroup: "OFFICIAL", language: "ru" }),
  );
}

/** An actor as the data layer receives it after the session check. */
export async function actorFor(prisma: PrismaClient, userId: string): Promise<TActor> {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
  const sessionId = await createSession(prisma, user);
  return { userId, sessionId, role: user.role, isAdmin: user.isAdmin, name: user.name, language: user.language };
}

// ── Interviews (appended for lib/interviews, lib/quotes and lib/codebook tests)

import { createInstrumentWith as createInstrumentWithImpl } from "@/lib/instrument/create";
import { ZGuide as ZGuideImpl, ZQuestionnaire as ZQuestionnaireImpl } from "@/lib/instrument/definition";
import { confirmedText as confirmedTextImpl } from "@/lib/i18n/text";

/** A small interview guide: block B1 (Q1 with probes Q1_P1 and Q1_P2, Q2 without) and block B2 (Q3 with probe Q3_P1). */
export function smallGuide() {
  const t = (s: string) => confirmedTextForTests(s);
  return {
    kind: "guide" as const,
    title: t("Guide"),
    blocks: [
      {
        code: "B1",
        title: t("Block 1"),
        questions: [
          { code: "Q1", text: t("Question 1"), probes: [{ code: "Q1_P1", text: t("Probe 1") }, { code: "Q1_P2", text: t("Probe 2") }] },
          { code: "Q2", text: t("Question 2"), probes: [] },
        ],
      },
      { code: "B2", title: t("Block 2"), questions: [{ code: "Q3", text: t("Question 3"), probes: [{ code: "Q3_P1", text: t("Probe 3") }] }] },
    ],
  };
}

function confirmedTextForTests(s: string) {
  return confirmedTextImpl(`${s} (ru)`, `${s} (en)`);
}

/** A guide instrument of the study with one version, published unless `publish: false`. */
export async function makeGuide(prisma: PrismaClient, studyId: string, options: { publish?: boolean; name?: string } = {}) {
  return createInstrumentWithImpl(prisma, {
    studyId,
    kind: "guide",
    name: options.name ?? `Guide ${unique()}`,
    definition: ZGuideImpl.parse(smallGuide()),
    actorId: null,
    publish: options.publish ?? true,
  });
}

/** A published questionnaire of the study with one required scale item "A" (1–10); the database gives it wave 1. */
export async function makeQuestionnaire(prisma: PrismaClient, studyId: string, options: { name?: string } = {}) {
  const t = confirmedTextForTests;
  return createInstrumentWithImpl(prisma, {
    studyId,
    kind: "questionnaire",
    name: options.name ?? `Questionnaire ${unique()}`,
    definition: ZQuestionnaireImpl.parse({
      kind: "questionnaire",
      title: t("Questionnaire"),
      sections: [{ code: "S1", title: t("Section 1"), items: [{ code: "A", type: "scale", text: t("A"), min: 1, max: 10, required: true }] }],
    }),
    actorId: null,
    publish: true,
  });
}

/** An expert with a distinctive real name and e-mail (so tests can check they never leak), in a given country and group. */
export async function makeNamedExpert(
  prisma: PrismaClient,
  studyId: string,
  options: { country?: string; expertGroup?: "SCIENTIST" | "OFFICIAL" | "BUSINESS" | "NONPROFIT" } = {},
) {
  const name = `Realname${unique()} Secretsurname`;
  const email = `realmail-${unique()}@hidden.test`;
  const added = await prisma.$transaction((tx) =>
    addExpert(tx, { studyId, name, email, country: options.country ?? "AM", expertGroup: options.expertGroup ?? "SCIENTIST", language: "ru" }),
  );
  return { ...added, name, email };
}

/** An interview assigned straight in the database (the service's checks are tested on their own). */
export async function makeInterview(
  prisma: PrismaClient,
  input: { expertId: string; interviewerId: string; versionId: string; plannedAt?: Date; mode?: "IN_PERSON" | "PHONE" | "VIDEO" },
) {
  return prisma.interview.create({
    data: {
      expertId: input.expertId,
      interviewerId: input.interviewerId,
      versionId: input.versionId,
      plannedAt: input.plannedAt ?? new Date(),
      mode: input.mode ?? "VIDEO",
    },
  });
}
