import { randomBytes } from "node:crypto";
import { test as base, expect, type Page } from "@playwright/test";
import { createPrismaClient } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { issueInvitation } from "@/lib/auth/invitations";
import { createInstrumentWith } from "@/lib/instrument/create";
import { ZGuide, ZQuestionnaire, type TGuide, type TQuestionnaire } from "@/lib/instrument/definition";
import { addExpert } from "@/lib/panel/experts";
import { DEMO_CONSENT } from "@/prisma/seed/demo";
import { eaeuQuestionnaire } from "@/prisma/seed/eaeu/questionnaire";
import { eaeuGuide } from "@/prisma/seed/eaeu/guide";
import { eaeuCodebook } from "@/prisma/seed/eaeu/codebook";
import { seedCodebook } from "@/lib/codebook/seed";
import { createStaffAccount } from "@/lib/users/accounts";

export type TStaff = { id: string; email: string; password: string; name: string };
export type TExpert = { expertId: string; userId: string; pseudonym: number; token: string; link: string };

/** The demo's interview guide, published in the worker's study, and the demo codebook there. */
export type TInterviewKit = { versionId: string; guide: TGuide };

type TWorkerFixtures = { prisma: PrismaClient; studyId: string; questionnaire: TQuestionnaire; interviewKit: TInterviewKit };
type TFixtures = {
  /**
   * A staff account on the team of the worker's study (or of `studyIds`), in the role of the account.
   * A coordinator is also the installation's administrator unless `admin: false`.
   */
  makeStaff: (role: "COORDINATOR" | "INTERVIEWER", options?: { studyIds?: string[]; admin?: boolean }) => Promise<TStaff>;
  /** An expert (with a fresh link) on the worker's study, or on `studyId`. */
  makeExpert: (options?: { language?: "ru" | "en"; country?: string; studyId?: string }) => Promise<TExpert>;
  /** A fresh single-use sign-in link for an expert (earlier links stop working). */
  issueLink: (expertId: string) => Promise<string>;
};

const unique = () => `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;

/**
 * Test data is made through the same helpers the demo seed uses (lib/ and prisma/seed), straight
 * in the run's database; people then sign in through the real flows.
 */
export const test = base.extend<TFixtures, TWorkerFixtures>({
  prisma: [
    async ({}, use) => {
      const url = process.env.DATABASE_URL;
      if (!url) throw new Error("DATABASE_URL is not set: run end-to-end tests through `npm test`.");
      const prisma = createPrismaClient({ url, max: 3, connectionTimeoutMs: 5_000, statementTimeoutMs: 15_000 });
      await use(prisma);
      await prisma.$disconnect();
    },
    { scope: "worker" },
  ],
  questionnaire: [
    async ({}, use) => {
      await use(ZQuestionnaire.parse(eaeuQuestionnaire));
    },
    { scope: "worker" },
  ],
  /** A study per worker, with the demo's consent text and the EAEU questionnaire published. */
  studyId: [
    async ({ prisma, questionnaire }, use) => {
      await use(await createStudy(prisma, questionnaire));
    },
    { scope: "worker" },
  ],
  /** Made on first use: the EAEU interview guide published in the worker's study, and the EAEU codebook. */
  interviewKit: [
    async ({ prisma, studyId }, use) => {
      const guide = ZGuide.parse(eaeuGuide);
      const { versionId } = await prisma.$transaction(async (tx) => {
        const created = await createInstrumentWith(tx, { studyId, kind: "guide", name: "Interview guide", definition: guide, actorId: null, publish: true });
        await seedCodebook(tx, studyId, eaeuCodebook);
        return created;
      });
      await use({ versionId, guide });
    },
    { scope: "worker" },
  ],
  makeStaff: async ({ prisma, studyId }, use) => {
    await use(async (role, options = {}) => {
      const email = `${role.toLowerCase()}-${unique()}@e2e.test`;
      const password = randomBytes(12).toString("base64url");
      const name = `${role === "COORDINATOR" ? "Coordinator" : "Interviewer"} ${unique()}`;
      const isAdmin = options.admin ?? role === "COORDINATOR";
      const { id } = await createStaffAccount(prisma, { email, password, name, role, language: "en", isAdmin });
      await prisma.studyMember.createMany({ data: (options.studyIds ?? [studyId]).map((s) => ({ studyId: s, userId: id, role })) });
      return { id, email, password, name };
    });
  },
  issueLink: async ({ prisma }, use) => {
    await use(async (expertId) => `/invite/${(await issueInvitation(prisma, { expertId, issuedById: null, ttlDays: 14 })).token}`);
  },
  makeExpert: async ({ prisma, studyId }, use) => {
    await use(async (options = {}) => {
      const added = await prisma.$transaction((tx) =>
        addExpert(tx, {
          studyId: options.studyId ?? studyId,
          name: `Expert ${unique()}`,
          email: `expert-${unique()}@e2e.test`,
          country: options.country ?? "AM",
          expertGroup: "SCIENTIST",
          language: options.language ?? "en",
        }),
      );
      const { token } = await issueInvitation(prisma, { expertId: added.expertId, issuedById: null, ttlDays: 14 });
      return { ...added, token, link: `/invite/${token}` };
    });
  },
});

export { expect };

/**
 * A study with the demo's consent text and the EAEU questionnaire published: each worker has one
 * (the `studyId` fixture); a test whose figures must start from zero makes its own.
 */
export async function createStudy(prisma: PrismaClient, questionnaire: TQuestionnaire): Promise<string> {
  const study = await prisma.study.create({
    data: { slug: `e2e-${unique()}`, titleEn: "E2E study", titleRu: "Тестовое исследование", consentText: DEMO_CONSENT, consentVersion: 1 },
  });
  await prisma.$transaction((tx) =>
    createInstrumentWith(tx, { studyId: study.id, kind: "questionnaire", name: "Questionnaire", definition: questionnaire, actorId: null, publish: true }),
  );
  return study.id;
}

export async function signInAsStaff(page: Page, staff: TStaff): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel(/e-mail|электронная почта/i).fill(staff.email);
  await page.getByLabel(/password|пароль/i).fill(staff.password);
  await page.getByRole("button", { name: /sign in|войти/i }).click();
}

export async function signInAsExpert(page: Page, expert: TExpert): Promise<void> {
  await page.goto(expert.link);
  await page.getByRole("button", { name: /continue to the study|перейти к исследованию/i }).click();
  await page.waitForURL("**/expert");
}
