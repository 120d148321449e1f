import "server-only";
import { db, sql } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { assertRole } from "@/lib/auth/roles";
import { coordinatedBy } from "@/lib/study/access";
import type { TActor } from "@/lib/auth/sessions";
import { AppError, badRequest, conflict, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { answerSchema, checkResponse, type TAnswers, type TAnswerValue } from "@/lib/instrument/answers";
import { allItems, isAnswerable } from "@/lib/instrument/items";
import { optionOrderFor } from "@/lib/instrument/order";
import type { TText } from "@/lib/instrument/text";
import { announceLive } from "@/lib/live/announce";
import { applyStatusEvent } from "@/lib/panel/status-events";
import { cachedQuestionnaire, publishedQuestionnaire } from "@/lib/responses/definitions";
import type { TSaveAnswer } from "@/lib/responses/schemas";
import type { StudyStatus } from "@/lib/generated/prisma/enums";
import { takesAnswers } from "@/lib/study/lifecycle";

/** The acting expert's panel record, study and questionnaire: always looked up by the actor, never by an id from the client. */
async function expertContext(actor: TActor) {
  assertRole(actor, "EXPERT");
  const expert = await db().expert.findFirst({
    where: { userId: actor.userId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      study: {
        select: {
          id: true,
          status: true,
          consentText: true,
          consentVersion: true,
          instruments: { where: { kind: "QUESTIONNAIRE" }, orderBy: { createdAt: "asc" }, take: 1, select: { id: true } },
        },
      },
    },
  });
  if (!expert) throw notFound("Your panel record");
  const instrumentId = expert.study.instruments[0]?.id ?? null;
  return { expertId: expert.id, study: expert.study, instrumentId };
}

/** A closed or archived study takes no consent, answers or submissions (lib/study/lifecycle.ts). */
const studyClosed = () => new AppError(409, "study_closed", "This study is closed: it no longer takes answers. Thank you for your interest.");

async function latestPublished(instrumentId: string) {
  return db().instrumentVersion.findFirst({
    where: { instrumentId, status: "PUBLISHED" },
    orderBy: { number: "desc" },
    select: { id: true, content: true },
  });
}

async function consentState(expertId: string, textVersion: number) {
  const last = await db().consent.findFirst({ where: { expertId }, orderBy: { decidedAt: "desc" }, select: { decision: true, textVersion: true } });
  return { accepted: last?.decision === "ACCEPTED" && last.textVersion === textVersion, declined: last?.decision === "DECLINED" };
}

/** What the expert's questionnaire pages need: consent, the version to answer and every saved answer. */
export async function getQuestionnaireState(actor: TActor) {
  const ctx = await expertContext(actor);
  const consent = { ...(await consentState(ctx.expertId, ctx.study.consentVersion)), text: ctx.study.consentText as TText | null, version: ctx.study.consentVersion };
  const closed = !takesAnswers(ctx.study.status);
  if (!ctx.instrumentId) return { consent, closed, questionnaire: null };
  const response = await db().response.findUnique({
    where: { expertId_instrumentId: { expertId: ctx.expertId, instrumentId: ctx.instrumentId } },
    select: { id: true, status: true, optionOrder: true, version: { select: { id: true, content: true } }, answers: { select: { itemCode: true, value: true, revision: true } } },
  });
  const version = response?.version ?? (await latestPublished(ctx.instrumentId));
  if (!version) return { consent, closed, questionnaire: null };
  const definition = publishedQuestionnaire(version.id, version.content);
  const answers: Record<string, { value: TAnswerValue | null; revision: number }> = {};
  for (const a of response?.answers ?? []) answers[a.itemCode] = { value: a.value as TAnswerValue | null, revision: a.revision };
  return {
    consent,
    closed,
    questionnaire: {
      responseId: response?.id ?? null,
      status: response?.status ?? "NOT_STARTED",
      versionId: version.id,
      definition,
      // Until the first save creates the response, the order is computed the same way it will be recorded.
      optionOrder: (response?.optionOrder as Record<string, string[]> | undefined) ?? optionOrderFor(definition, ctx.expertId),
      answers,
    },
  };
}

export async function recordConsent(actor: TActor, input: { decision: "ACCEPTED" | "DECLINED"; textVersion: number; language: "ru" | "en" }) {
  const ctx = await expertContext(actor);
  if (!takesAnswers(ctx.study.status)) throw studyClosed();
  if (input.textVersion !== ctx.study.consentVersion) throw conflict("The consent text has changed. Please read it again.");
  await db().$transaction(async (tx) => {
    await tx.consent.create({ data: { expertId: ctx.expertId, decision: input.decision, textVersion: input.textVersion, language: input.language } });
    await applyStatusEvent(tx, ctx.expertId, input.decision === "ACCEPTED" ? "started" : "declined", actor.userId);
  });
  return { decision: input.decision };
}

export type TSaveResult =
  | { status: "saved"; revision: number; replay: boolean }
  | { status: "conflict"; revision: number; value: TAnswerValue | null };

type TSaveContext = {
  expertId: string;
  studyId: string;
  studyStatus: StudyStatus;
  instrumentId: string | null;
  consented: boolean | null;
  responseVersionId: string | null;
  versionPublished: boolean;
};

/**
 * Everything a save needs to know about the acting expert, in one query: their panel record, the
 * study's questionnaire, their latest consent decision, their response's version, and whether the
 * version the page showed is a published version of that questionnaire.
 */
/** On pg directly (lib/db.ts, sql()): with the session check and the save, this runs for every autosave. */
async function saveContext(userId: string, versionId: string): Promise<TSaveContext | null> {
  const { rows } = await sql().query<TSaveContext>(
    `SELECT e."id" AS "expertId",
            e."studyId" AS "studyId",
            s."status"::text AS "studyStatus",
            i."id" AS "instrumentId",
            (SELECT c."decision" = 'ACCEPTED' AND c."textVersion" = s."consentVersion"
               FROM "Consent" c WHERE c."expertId" = e."id" ORDER BY c."decidedAt" DESC LIMIT 1) AS "consented",
            r."versionId" AS "responseVersionId",
            EXISTS (SELECT 1 FROM "InstrumentVersion" v
                     WHERE v."id" = $2::uuid AND v."instrumentId" = i."id" AND v."status" = 'PUBLISHED') AS "versionPublished"
       FROM "Expert" e
       JOIN "Study" s ON s."id" = e."studyId"
       LEFT JOIN LATERAL (SELECT "id" FROM "Instrument" WHERE "studyId" = s."id" AND "kind" = 'QUESTIONNAIRE' ORDER BY "createdAt" LIMIT 1) i ON true
       LEFT JOIN "Response" r ON r."expertId" = e."id" AND r."instrumentId" = i."id"
      WHERE e."userId" = $1::uuid
      ORDER BY e."createdAt" DESC
      LIMIT 1`,
    [userId, versionId],
  );
  return rows[0] ?? null;
}

async function questionnaireOf(versionId: string) {
  const cached = cachedQuestionnaire(versionId);
  if (cached) return cached;
  const version = await db().instrumentVersion.findUniqueOrThrow({ where: { id: versionId }, select: { content: true } });
  return publishedQuestionnaire(versionId, version.content);
}

/**
 * Applies one autosave, in three round trips (the session check, the context above, and the
 * save_answer function, which does the write atomically). Idempotent by mutation id: a replay is
 * acknowledged with the revision it got the first time. A save based on an older revision than the
 * stored one is refused with the stored value. Acknowledged only after PostgreSQL has committed.
 */
export async function saveAnswer(actor: TActor, input: TSaveAnswer): Promise<TSaveResult> {
  assertRole(actor, "EXPERT");
  const ctx = await saveContext(actor.userId, input.versionId);
  if (!ctx) throw notFound("Your panel record");
  if (!ctx.instrumentId) throw notFound("The questionnaire");
  if (!takesAnswers(ctx.studyStatus)) throw studyClosed();
  if (!ctx.consented) throw new AppError(403, "consent_required", "Please accept the consent statement first.");
  // The response answers the version the expert was shown: the one it began with, or for a first
  // save, the published version the page showed, even if a newer one has been published since.
  if (ctx.responseVersionId ? ctx.responseVersionId !== input.versionId : !ctx.versionPublished) {
    throw new AppError(409, "version_changed", "The questionnaire has changed since this page was opened. Please reload the page.");
  }
  const definition = await questionnaireOf(input.versionId);
  const item = allItems(definition).find((i) => i.code === input.item);
  if (!item || !isAnswerable(item)) throw badRequest(`"${input.item}" is not a question of this questionnaire.`, [{ path: "item", message: "unknownItem" }]);
  let value: TAnswerValue | null = null;
  if (input.value !== null) {
    const parsed = answerSchema(item).safeParse(input.value);
    if (!parsed.success) {
      throw badRequest(`The answer to ${item.code} is not valid.`, parsed.error.issues.map((i) => ({ path: ["value", ...i.path].join("."), message: i.message })));
    }
    value = parsed.data;
  }
  const order = ctx.responseVersionId ? {} : optionOrderFor(definition, ctx.expertId);
  const {
    rows: [row],
  } = await sql().query<{ outcome: string; revision: number; value: unknown }>(
    `SELECT * FROM "save_answer"($1::uuid, $2::uuid, $3::uuid, $4::jsonb, $5, $6::integer, $7::uuid, $8::jsonb)`,
    [ctx.expertId, ctx.instrumentId, input.versionId, JSON.stringify(order), input.item, input.baseRevision, input.mutationId, JSON.stringify(value)],
  );
  switch (row?.outcome) {
    case "saved":
      announceLive(ctx.studyId, "answers");
      return { status: "saved", revision: row.revision, replay: false };
    case "replay":
      return { status: "saved", revision: row.revision, replay: true };
    case "conflict":
      return { status: "conflict", revision: row.revision, value: (row.value as TAnswerValue | null) ?? null };
    case "submitted":
      throw new AppError(409, "submitted", "This questionnaire has been submitted and can no longer be changed.");
    case "version_changed":
      throw new AppError(409, "version_changed", "The questionnaire has changed since this page was opened. Please reload the page.");
    case "mutation_reused":
      throw conflict("This mutation id was already used for another answer.");
    default:
      throw new Error(`save_answer returned ${String(row?.outcome)}`);
  }
}

/**
 * The expert's response, created on first use (never by merely reading), and locked for the rest
 * of the transaction, so saves of one response are checked and applied one at a time. The insert
 * is race-free: concurrent first saves wait for one another instead of colliding.
 */
async function lockResponse(
  tx: Prisma.TransactionClient,
  input: { expertId: string; instrumentId: string; versionId: string; optionOrder: Record<string, string[]> },
) {
  await tx.$executeRaw`
    INSERT INTO "Response" ("expertId", "instrumentId", "versionId", "optionOrder")
    VALUES (${input.expertId}::uuid, ${input.instrumentId}::uuid, ${input.versionId}::uuid, ${JSON.stringify(input.optionOrder)}::jsonb)
    ON CONFLICT ("expertId", "instrumentId") DO NOTHING`;
  const [row] = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT "id" FROM "Response" WHERE "expertId" = ${input.expertId}::uuid AND "instrumentId" = ${input.instrumentId}::uuid FOR UPDATE`;
  return { id: row!.id };
}

function answersOf(rows: Array<{ itemCode: string; value: unknown }>): TAnswers {
  const answers: TAnswers = {};
  for (const row of rows) if (row.value !== null) answers[row.itemCode] = row.value as TAnswerValue;
  return answers;
}

/**
 * Submits the expert's response after checking all of it on the server: every answer valid, every
 * visible required item answered. Submitting twice is harmless.
 */
export async function submitResponse(actor: TActor) {
  const ctx = await expertContext(actor);
  if (!ctx.instrumentId) throw notFound("The questionnaire");
  if (!takesAnswers(ctx.study.status)) throw studyClosed();
  if (!(await consentState(ctx.expertId, ctx.study.consentVersion)).accepted) {
    throw new AppError(403, "consent_required", "Please accept the consent statement first.");
  }
  const instrumentId = ctx.instrumentId;
  const existing = await db().response.findUnique({ where: { expertId_instrumentId: { expertId: ctx.expertId, instrumentId } }, select: { versionId: true } });
  const versionId = existing?.versionId ?? (await latestPublished(instrumentId))?.id;
  if (!versionId) throw notFound("The questionnaire");
  return db().$transaction(async (tx) => {
    const version = await tx.instrumentVersion.findUniqueOrThrow({ where: { id: versionId }, select: { id: true, content: true } });
    const first = publishedQuestionnaire(version.id, version.content);
    const response = await lockResponse(tx, { expertId: ctx.expertId, instrumentId, versionId, optionOrder: optionOrderFor(first, ctx.expertId) });
    const locked = await tx.response.findUniqueOrThrow({
      where: { id: response.id },
      select: { status: true, submittedAt: true, version: { select: { id: true, content: true } }, answers: { select: { itemCode: true, value: true } } },
    });
    if (locked.status === "SUBMITTED") return { status: "SUBMITTED" as const, submittedAt: locked.submittedAt };
    const definition = publishedQuestionnaire(locked.version.id, locked.version.content);
    const { problems } = checkResponse(definition, answersOf(locked.answers));
    if (problems.length > 0) throw new AppError(422, "incomplete", "Some answers are missing or not valid.", { problems });
    const submittedAt = new Date();
    await tx.response.update({ where: { id: response.id }, data: { status: "SUBMITTED", submittedAt, updatedAt: submittedAt } });
    await applyStatusEvent(tx, ctx.expertId, "completed", actor.userId);
    return { status: "SUBMITTED" as const, submittedAt };
  });
}

/** The expert's own submitted answers, for their copy on the thank-you page. */
export async function getOwnAnswers(actor: TActor) {
  const state = await getQuestionnaireState(actor);
  if (!state.questionnaire) throw notFound("The questionnaire");
  const answers: TAnswers = {};
  for (const [code, a] of Object.entries(state.questionnaire.answers)) if (a.value !== null) answers[code] = a.value;
  return { definition: state.questionnaire.definition, answers, status: state.questionnaire.status };
}

/** A coordinator reopens a submitted response so the expert can change it; recorded in the audit log. */
export async function reopenResponse(actor: TActor, responseId: string) {
  assertRole(actor, "COORDINATOR");
  return db().$transaction(async (tx) => {
    const response = await tx.response.findFirst({ where: { id: responseId, expert: { study: coordinatedBy(actor) } }, select: { status: true, submittedAt: true, expertId: true } });
    if (!response) throw notFound("The response");
    if (response.status !== "SUBMITTED") throw conflict("This response is not submitted.");
    await tx.response.update({ where: { id: responseId }, data: { status: "IN_PROGRESS", submittedAt: null, updatedAt: new Date() } });
    await applyStatusEvent(tx, response.expertId, "reopened", actor.userId);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "response.reopen",
      entity: "Response",
      entityId: responseId,
      before: { status: "SUBMITTED", submittedAt: response.submittedAt?.toISOString() ?? null },
      after: { status: "IN_PROGRESS" },
    });
    return { status: "IN_PROGRESS" as const };
  });
}
