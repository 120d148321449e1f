import { randomBytes, randomUUID } from "node:crypto";
import type { APIRequestContext, APIResponse, Browser } from "@playwright/test";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { issueInvitation } from "@/lib/auth/invitations";
import { seedCodebook } from "@/lib/codebook/seed";
import { createInstrumentWith } from "@/lib/instrument/create";
import { ZGuide, ZQuestionnaire } from "@/lib/instrument/definition";
import { addExpert } from "@/lib/panel/experts";
import { createStaffAccount } from "@/lib/users/accounts";
import { DEMO_CONSENT } from "@/prisma/seed/demo";
import { eaeuCodebook } from "@/prisma/seed/eaeu/codebook";
import { eaeuGuide } from "@/prisma/seed/eaeu/guide";
import { eaeuQuestionnaire } from "@/prisma/seed/eaeu/questionnaire";
import type { TCall, TMethod, TRole, TWorld } from "./authz-matrix";
import { signInAsExpert, signInAsStaff, type TExpert, type TStaff } from "./fixtures";
import { fill } from "./pages";

/** The objects and signed-in callers the authorization matrix and the malformed-body test act on. */

export type TCaller = TRole | "ANONYMOUS";
export const CALLERS: TCaller[] = ["ANONYMOUS", "EXPERT", "INTERVIEWER", "COORDINATOR"];

/** A route template ("/api/quotes/[quoteId]") with its [segments] filled in (e2e/pages.ts). */
export { fill };

const unique = () => `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;

/**
 * A study with its objects. `members` are its team (each in the role of their account); the
 * interviews are `interviewerId`'s, whether or not that interviewer is on this study's team (a second
 * world without them is another team's study, where their own interviews must be out of reach too).
 */
export async function buildWorld(
  prisma: PrismaClient,
  interviewerId: string,
  members: Array<{ id: string; role: "COORDINATOR" | "INTERVIEWER" }>,
): Promise<{ world: TWorld; expert: TExpert }> {
  const tag = unique();
  /** The ids of every object of this study made here, so a test can tell a request about it. */
  const ids = new Set<string>();
  const keep = <T extends object>(made: T): T => {
    for (const v of Object.values(made)) if (typeof v === "string" && /^[0-9a-f-]{36}$/i.test(v)) ids.add(v);
    return made;
  };
  const study = await prisma.study.create({
    data: {
      slug: `authz-${tag}`,
      titleEn: `Authz study ${tag}`,
      titleRu: `Исследование ${tag}`,
      consentText: DEMO_CONSENT,
      consentVersion: 1,
      members: { create: members.map((m) => ({ userId: m.id, role: m.role })) },
    },
  });
  const studyId = study.id;
  ids.add(studyId);
  const questionnaire = ZQuestionnaire.parse(eaeuQuestionnaire);
  const q = await prisma.$transaction((tx) => createInstrumentWith(tx, { studyId, kind: "questionnaire", name: "Questionnaire", definition: questionnaire, actorId: null, publish: true }));
  const guide = await prisma.$transaction(async (tx) => {
    const created = await createInstrumentWith(tx, { studyId, kind: "guide", name: "Guide", definition: ZGuide.parse(eaeuGuide), actorId: null, publish: true });
    await seedCodebook(tx, studyId, eaeuCodebook);
    return created;
  });
  keep(q);
  keep(guide);
  const codeId = (await prisma.themeCode.findFirstOrThrow({ where: { studyId }, select: { id: true } })).id;
  ids.add(codeId);
  const newExpert = async () =>
    keep(await prisma.$transaction((tx) => addExpert(tx, { studyId, name: `Expert ${unique()}`, email: `authz-${unique()}@e2e.test`, country: "AM", expertGroup: "SCIENTIST", language: "en" })));
  const consented = async () => {
    const added = await newExpert();
    await prisma.consent.create({ data: { expertId: added.expertId, decision: "ACCEPTED", textVersion: 1, language: "en" } });
    return added;
  };
  const submitted = async (answer: string) => {
    const added = await consented();
    const response = await prisma.response.create({
      data: { expertId: added.expertId, instrumentId: q.instrumentId, versionId: q.versionId, status: "SUBMITTED", submittedAt: new Date(), optionOrder: {} },
    });
    await prisma.answer.create({ data: { responseId: response.id, itemCode: "Q10", value: { text: answer }, revision: 1, mutationId: randomUUID() } });
    ids.add(response.id);
    return { ...added, responseId: response.id };
  };

  const secrets = { otherAnswer: `other expert's answer ${unique()}`, otherNote: `Other note ${unique()}`, otherQuote: "", ownNote: `Own note on the first question ${tag}`, title: `Authz study ${tag}` };
  secrets.otherQuote = secrets.otherNote;
  const otherExpert = await submitted(secrets.otherAnswer);
  const otherInterviewer = await createStaffAccount(prisma, { email: `authz-i-${unique()}@e2e.test`, password: randomBytes(12).toString("base64url"), name: "Other interviewer", role: "INTERVIEWER", language: "en" });
  await prisma.studyMember.create({ data: { studyId, userId: otherInterviewer.id, role: "INTERVIEWER" } });

  const interview = async (owner: string, text: string, status: "IN_PROGRESS" | "DONE" = "IN_PROGRESS") => {
    const now = new Date();
    const row = await prisma.interview.create({
      data: {
        expertId: otherExpert.expertId,
        interviewerId: owner,
        versionId: guide.versionId,
        plannedAt: now,
        mode: "VIDEO",
        status,
        consentAt: now,
        startedAt: now,
        finishedAt: status === "DONE" ? now : null,
        notes: { create: { questionCode: "B1_Q1", text, revision: 1, mutationId: randomUUID() } },
      },
    });
    const quote = await prisma.quote.create({ data: { interviewId: row.id, questionCode: "B1_Q1", start: 0, end: text.length, text } });
    return keep({ id: row.id, quoteId: quote.id });
  };

  const expertRow = await consented();
  const { token } = await issueInvitation(prisma, { expertId: expertRow.expertId, issuedById: null, ttlDays: 14 });
  const world: TWorld = {
    studyId,
    sentMessageId: "",
    questionnaireInstrumentId: q.instrumentId,
    questionnaireVersionId: q.versionId,
    questionnaireWaveId: (await prisma.wave.findUniqueOrThrow({ where: { instrumentId_number: { instrumentId: q.instrumentId, number: 1 } }, select: { id: true } })).id,
    guideVersionId: guide.versionId,
    codeId,
    expert: { expertId: expertRow.expertId, userId: expertRow.userId },
    otherExpert,
    interviewer: { id: interviewerId },
    interview: await interview(interviewerId, secrets.ownNote),
    otherInterview: await interview(otherInterviewer.id, secrets.otherNote),
    secrets,
    ids,
    make: {
      interview: (status) => interview(interviewerId, `Own note, made for one call ${tag}`, status),
      code: async () => keep(await prisma.themeCode.create({ data: { studyId, code: `T${unique()}`, nameRu: "Код", nameEn: "Code" } })).id,
      draft: async () => {
        const made = await prisma.$transaction((tx) => createInstrumentWith(tx, { studyId, kind: "questionnaire", name: `Draft ${unique()}`, definition: questionnaire, actorId: null, publish: true }));
        const draft = await prisma.instrumentVersion.create({ data: { instrumentId: made.instrumentId, number: 2, content: questionnaire as object } });
        return keep({ instrumentId: made.instrumentId, versionId: draft.id, definition: questionnaire });
      },
      wave: async () => {
        const made = await prisma.$transaction((tx) => createInstrumentWith(tx, { studyId, kind: "questionnaire", name: `Waves ${unique()}`, definition: questionnaire, actorId: null, publish: true }));
        ids.add(made.instrumentId);
        const wave = await prisma.wave.findFirstOrThrow({ where: { instrumentId: made.instrumentId, number: 1 }, select: { id: true } });
        ids.add(wave.id);
        return { instrumentId: made.instrumentId, waveId: wave.id };
      },
      staff: async () =>
        (await createStaffAccount(prisma, { email: `authz-s-${unique()}@e2e.test`, password: randomBytes(12).toString("base64url"), name: "Staff", role: "INTERVIEWER", language: "en" })).id,
      submittedResponse: async () => (await submitted("answer")).responseId,
      round: async () => {
        const made = await prisma.$transaction((tx) => createInstrumentWith(tx, { studyId, kind: "questionnaire", name: `Rounds ${unique()}`, definition: questionnaire, actorId: null, publish: true }));
        const wave = await prisma.wave.create({ data: { instrumentId: made.instrumentId, number: 2, kind: "DELPHI_ROUND", status: "PLANNED", itemCodes: ["Q5"], versionId: made.versionId } });
        return keep({ id: wave.id }).id;
      },
      expert: async (status = "NOMINATED") => {
        const { expertId } = await newExpert();
        await prisma.expert.update({ where: { id: expertId }, data: { status } });
        return expertId;
      },
      message: async () => {
        const { expertId } = await newExpert();
        await prisma.expert.update({ where: { id: expertId }, data: { status: "INVITED", invitedAt: new Date() } });
        const message = await prisma.message.create({
          data: { studyId, expertId, kind: "INVITATION", language: "en", toAddress: `authz-m-${unique()}@e2e.test`, status: "SENT", transport: "outbox", sentAt: new Date() },
        });
        ids.add(message.id);
        return message.id;
      },
      member: async (join) => {
        const email = `authz-t-${unique()}@e2e.test`;
        const { id } = await createStaffAccount(prisma, { email, password: randomBytes(12).toString("base64url"), name: "Team member", role: "INTERVIEWER", language: "en" });
        if (join) await prisma.studyMember.create({ data: { studyId, userId: id, role: "INTERVIEWER" } });
        return { id, email };
      },
      study: async (options = {}) => {
        const made = await prisma.study.create({
          data: { slug: `authz-${unique()}`, titleEn: `Made ${tag}`, titleRu: `Создано ${tag}`, isDemo: options.demo ?? false, members: { create: members.map((m) => ({ userId: m.id, role: m.role })) } },
        });
        ids.add(made.id);
        return made.id;
      },
      unique,
    },
  };
  world.sentMessageId = await world.make.message();
  return { world, expert: { ...expertRow, token, link: `/invite/${token}` } };
}

/** One API client per caller: anonymous, and each role signed in through the real sign-in pages. */
export async function callers(browser: Browser, baseURL: string, staff: Record<"INTERVIEWER" | "COORDINATOR", TStaff>, expert: TExpert) {
  const clients = {} as Record<TCaller, APIRequestContext>;
  for (const who of CALLERS) {
    const context = await browser.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
    const page = await context.newPage();
    if (who === "EXPERT") await signInAsExpert(page, expert);
    else if (who !== "ANONYMOUS") {
      await signInAsStaff(page, staff[who]);
      await page.waitForURL(`**/${who.toLowerCase()}`);
    }
    await page.close();
    clients[who] = context.request;
  }
  return clients;
}

type TAnswer = Pick<APIResponse, "status" | "text">;

export async function send(client: APIRequestContext, method: TMethod, route: string, call: TCall, options: { stream?: boolean } = {}): Promise<TAnswer> {
  const url = `${fill(route, call.params)}${call.query ? `?${call.query}` : ""}`;
  if (!options.stream) return client.fetch(url, { method, maxRedirects: 0, ...(call.body !== undefined ? { data: call.body } : {}) });
  // A stream never ends, and Playwright's client waits for the end: fetch with the caller's cookies
  // and read only the first chunk.
  const base = process.env.BASE_URL!;
  const cookie = (await client.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const res = await fetch(new URL(url, base), { method, redirect: "manual", headers: { cookie, origin: base } });
  const reader = res.body?.getReader();
  const first = reader ? await reader.read() : { value: undefined };
  await reader?.cancel();
  const text = new TextDecoder().decode(first.value ?? new Uint8Array());
  return { status: () => res.status, text: async () => text };
}
