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
import type { TText } from "@/lib/i18n/text";
import { announceLive } from "@/lib/live/announce";
import { applyStatusEvent } from "@/lib/panel/status-events";
import { cachedQuestionnaire, publishedQuestionnaire } from "@/lib/instrument/published";
import type { TSaveAnswer } from "@/lib/responses/schemas";
import { takesAnswers } from "@/lib/study/lifecycle";
import { askedIn, askedItemsOf } from "@/lib/instrument/wave-items";
import { getExpertFeedback } from "@/lib/delphi/expert";
import { missingReasons, reasonItemOf, reasonsOf, saveReason } from "@/lib/delphi/reasons";
import { currentAssignment } from "@/lib/study/waves";

/**
 * The acting expert's panel record, study, questionnaire and the wave they answer now: always looked up
 * by the actor, never by an id from the client (lib/study/waves.ts decides the wave).
 */
async function expertContext(actor: TActor) {
  assertRole(actor, "EXPERT");
  const assignment = await currentAssignment(actor.userId);
  if (!assignment) throw notFound("Your panel record");
  const study = await db().study.findUniqueOrThrow({
    where: { id: assignment.studyId },
    select: { id: true, status: true, consentText: true, consentVersion: true },
  });
  return { expertId: assignment.expertId, study, instrumentId: assignment.instrumentId, wave: assignment.wave, response: assignment.response };
}

/** A closed or archived study takes no consent, answers or submissions (lib/study/lifecycle.ts). */
const studyClosed = () => new AppError(409, "study_closed", "This study is closed: it no longer takes answers. Thank you for your interest.");

/** The wave the expert is in is closed (or past its closing date), or they are not asked in it. */
const waveClosed = () => new AppError(409, "wave_closed", "This round of the questionnaire is closed: it no longer takes answers. Thank you for your interest.");

async function latestPublished(instrumentId: string, waveVersionId: string | null) {
  return db().instrumentVersion.findFirst({
    where: { instrumentId, status: "PUBLISHED", ...(waveVersionId ? { id: waveVersionId } : {}) },
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
  // Closed: the study takes no answers, or the wave the expert is in does not (closed, past its date, or not theirs).
  // `studyClosed` tells the two apart: the expert is told the study is closed, or only their wave (round).
  const studyClosed = !takesAnswers(ctx.study.status);
  const closed = studyClosed || (ctx.wave !== null && !ctx.wave.open);
  if (!ctx.instrumentId || !ctx.wave) return { consent, closed, studyClosed, wave: null, questionnaire: null };
  const wave = { number: ctx.wave.number, kind: ctx.wave.kind, open: ctx.wave.open, itemCodes: ctx.wave.itemCodes, realtime: ctx.wave.realtime, closesAt: ctx.wave.closesAt };
  const response = ctx.response
    ? await db().response.findUniqueOrThrow({
        where: { id: ctx.response.id },
        select: { id: true, status: true, optionOrder: true, version: { select: { id: true, content: true } }, answers: { select: { itemCode: true, value: true, revision: true } } },
      })
    : null;
  const version = response?.version ?? (await latestPublished(ctx.instrumentId, ctx.wave.versionId));
  if (!version) return { consent, closed, studyClosed, wave, questionnaire: null };
  // A round of some items only shows those items (lib/instrument/wave-items.ts).
  const definition = askedItemsOf(publishedQuestionnaire(version.id, version.content), ctx.wave);
  const answers: Record<string, { value: TAnswerValue | null; revision: number }> = {};
  for (const a of response?.answers ?? []) answers[a.itemCode] = { value: a.value as TAnswerValue | null, revision: a.revision };
  if (response && ctx.wave.kind === "DELPHI_ROUND") Object.assign(answers, await reasonsOf(response.id));
  return {
    consent,
    closed,
    studyClosed,
    wave,
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
  const ctx = await currentAssignment(actor.userId, input.versionId);
  if (!ctx) throw notFound("Your panel record");
  if (!ctx.instrumentId || !ctx.wave) throw notFound("The questionnaire");
  if (!takesAnswers(ctx.studyStatus)) throw studyClosed();
  if (!ctx.wave.open) throw waveClosed();
  if (!ctx.consented) throw new AppError(403, "consent_required", "Please accept the consent statement first.");
  // The response answers the version the expert was shown: the one it began with, or for a first
  // save, the published version the page showed, even if a newer one has been published since.
  const responseVersionId = ctx.response?.versionId ?? null;
  if (responseVersionId ? responseVersionId !== input.versionId : !ctx.versionPublished) {
    throw new AppError(409, "version_changed", "The questionnaire has changed since this page was opened. Please reload the page.");
  }
  const definition = await questionnaireOf(input.versionId);
  // A Delphi round's reason for a changed answer rides the same autosave (lib/delphi/reasons.ts).
  const reasonFor = reasonItemOf(input.item);
  if (reasonFor !== null) {
    if (ctx.wave.kind !== "DELPHI_ROUND" || !askedIn(ctx.wave, reasonFor) || !allItems(definition).some((i) => i.code === reasonFor)) {
      throw badRequest(`"${input.item}" is not a question of this questionnaire.`, [{ path: "item", message: "unknownItem" }]);
    }
    return saveReason({ responseId: ctx.response?.id ?? null, key: input.item, baseRevision: input.baseRevision, mutationId: input.mutationId, value: input.value });
  }
  const item = allItems(definition).find((i) => i.code === input.item);
  if (!item || !isAnswerable(item) || !askedIn(ctx.wave, item.code)) {
    throw badRequest(`"${input.item}" is not a question of this questionnaire.`, [{ path: "item", message: "unknownItem" }]);
  }
  let value: TAnswerValue | null = null;
  if (input.value !== null) {
    const parsed = answerSchema(item).safeParse(input.value);
    if (!parsed.success) {
      throw badRequest(`The answer to ${item.code} is not valid.`, parsed.error.issues.map((i) => ({ path: ["value", ...i.path].join("."), message: i.message })));
    }
    value = parsed.data;
  }
  const order = responseVersionId ? {} : optionOrderFor(definition, ctx.expertId);
  const {
    rows: [row],
  } = await sql().query<{ outcome: string; revision: number; value: unknown }>(
    `SELECT * FROM "save_answer"($1::uuid, $2::uuid, $3::uuid, $4::jsonb, $5, $6::integer, $7::uuid, $8::jsonb, $9::integer)`,
    [ctx.expertId, ctx.instrumentId, input.versionId, JSON.stringify(order), input.item, input.baseRevision, input.mutationId, JSON.stringify(value), ctx.wave.number],
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
  input: { expertId: string; instrumentId: string; wave: number; versionId: string; optionOrder: Record<string, string[]> },
) {
  await tx.$executeRaw`
    INSERT INTO "Response" ("expertId", "instrumentId", "wave", "versionId", "optionOrder")
    VALUES (${input.expertId}::uuid, ${input.instrumentId}::uuid, ${input.wave}::integer, ${input.versionId}::uuid, ${JSON.stringify(input.optionOrder)}::jsonb)
    ON CONFLICT ("expertId", "instrumentId", "wave") DO NOTHING`;
  const [row] = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT "id" FROM "Response"
     WHERE "expertId" = ${input.expertId}::uuid AND "instrumentId" = ${input.instrumentId}::uuid AND "wave" = ${input.wave}::integer
       FOR UPDATE`;
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
  if (!ctx.instrumentId || !ctx.wave) throw notFound("The questionnaire");
  if (!takesAnswers(ctx.study.status)) throw studyClosed();
  if (!ctx.wave.open) throw waveClosed();
  if (!(await consentState(ctx.expertId, ctx.study.consentVersion)).accepted) {
    throw new AppError(403, "consent_required", "Please accept the consent statement first.");
  }
  const instrumentId = ctx.instrumentId;
  const wave = ctx.wave;
  const versionId = ctx.response?.versionId ?? (await latestPublished(instrumentId, wave.versionId))?.id;
  if (!versionId) throw notFound("The questionnaire");
  // A Delphi round: the group figures the expert is shown decide which changed answers need a reason.
  const feedback = wave.kind === "DELPHI_ROUND" ? await getExpertFeedback(actor) : null;
  return db().$transaction(async (tx) => {
    const version = await tx.instrumentVersion.findUniqueOrThrow({ where: { id: versionId }, select: { id: true, content: true } });
    const first = publishedQuestionnaire(version.id, version.content);
    const response = await lockResponse(tx, { expertId: ctx.expertId, instrumentId, wave: wave.number, versionId, optionOrder: optionOrderFor(first, ctx.expertId) });
    const locked = await tx.response.findUniqueOrThrow({
      where: { id: response.id },
      select: { status: true, submittedAt: true, version: { select: { id: true, content: true } }, answers: { select: { itemCode: true, value: true } } },
    });
    if (locked.status === "SUBMITTED") return { status: "SUBMITTED" as const, submittedAt: locked.submittedAt };
    const definition = publishedQuestionnaire(locked.version.id, locked.version.content);
    const asked = askedItemsOf(definition, wave);
    const answers = answersOf(locked.answers);
    const { problems, visible } = checkResponse(asked, answers);
    const reasons = await missingReasons(tx, response.id, asked, feedback, answers, visible);
    if (problems.length > 0) throw new AppError(422, "incomplete", "Some answers are missing or not valid.", { problems: [...problems, ...reasons] });
    if (reasons.length > 0) {
      const items = reasons.map((r) => r.item).join(", ");
      throw new AppError(422, "incomplete", `A changed answer outside the group's middle half needs a short reason: ${items}.`, { problems: reasons });
    }
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
  for (const [code, a] of Object.entries(state.questionnaire.answers)) if (a.value !== null && reasonItemOf(code) === null) answers[code] = a.value;
  return { definition: state.questionnaire.definition, answers, status: state.questionnaire.status };
}

/**
 * A coordinator reopens a submitted response so the expert can change it; recorded in the audit log.
 * Only a response of a wave still open: in a closed wave the expert could not change it anyway.
 */
export async function reopenResponse(actor: TActor, responseId: string) {
  assertRole(actor, "COORDINATOR");
  return db().$transaction(async (tx) => {
    const response = await tx.response.findFirst({
      where: { id: responseId, expert: { study: coordinatedBy(actor) } },
      select: { status: true, submittedAt: true, expertId: true, wave: true, waveOf: { select: { status: true } } },
    });
    if (!response) throw notFound("The response");
    if (response.status !== "SUBMITTED") throw conflict("This response is not submitted.");
    if (response.waveOf.status !== "OPEN") throw conflict(`Wave ${response.wave} of this response is closed: reopening it would not let the expert change it.`);
    await tx.response.update({ where: { id: responseId }, data: { status: "IN_PROGRESS", submittedAt: null, updatedAt: new Date() } });
    await applyStatusEvent(tx, response.expertId, "reopened", actor.userId);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "response.reopen",
      entity: "Response",
      entityId: responseId,
      before: { status: "SUBMITTED", wave: response.wave, submittedAt: response.submittedAt?.toISOString() ?? null },
      after: { status: "IN_PROGRESS" },
    });
    return { status: "IN_PROGRESS" as const };
  });
}
