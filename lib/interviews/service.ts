import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import type { TActor } from "@/lib/auth/sessions";
import { codesOfStudy, studyCodeTree, type TCodeNode } from "@/lib/codebook/service";
import { AppError, badRequest, conflict, forbidden, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ExpertGroup, ExpertStatus, InterviewMode, InterviewStatus } from "@/lib/generated/prisma/enums";
import type { TGuide } from "@/lib/instrument/definition";
import { publishedGuide, type TPublishedGuide } from "@/lib/interviews/guides";
import { assertId, parseInput } from "@/lib/http/input";
import { moveAnchor } from "@/lib/interviews/anchors";
import { assertRole } from "@/lib/auth/roles";
import { versionTitles } from "@/lib/instrument/titles";
import type { TText } from "@/lib/i18n/text";
import { coordinatedBy, interviewedBy } from "@/lib/study/access";
import {
  ZCodeIds,
  ZCreateInterview,
  ZOwnInterviewsQuery,
  ZSaveNote,
  type TCodeIds,
  type TCreateInterview,
  type TSaveNote,
} from "@/lib/interviews/schemas";

// ─────────────────────────────────────────────────────────── who sees which interview

export type TInterviewScope = { interviewerId?: string; expert: { study: Prisma.StudyWhereInput }; OR?: Prisma.InterviewWhereInput[] };

/**
 * The interviews an actor may see: an interviewer only their own in the studies they interview for,
 * a coordinator every one of the studies they coordinate, and (where an interviewer's call is
 * allowed too) their own interviews in a study they only interview for; any other role is refused
 * (403). An interview outside the scope is simply not found (404).
 */
export function interviewScope(actor: TActor, roles: ReadonlyArray<"COORDINATOR" | "INTERVIEWER"> = ["COORDINATOR", "INTERVIEWER"]): TInterviewScope {
  if (!(roles as readonly string[]).includes(actor.role)) throw forbidden();
  if (actor.role === "INTERVIEWER") return { interviewerId: actor.userId, expert: { study: interviewedBy(actor) } };
  if (!roles.includes("INTERVIEWER")) return { expert: { study: coordinatedBy(actor) } };
  return {
    expert: { study: { OR: [coordinatedBy(actor), interviewedBy(actor)] } },
    OR: [{ expert: { study: coordinatedBy(actor) } }, { interviewerId: actor.userId }],
  };
}

/**
 * Locks an interview the actor may see for the rest of the transaction (so changes to one interview
 * are checked and applied one at a time), or 404. The lock query is itself scoped to the actor.
 */
export async function lockInterview(tx: Prisma.TransactionClient, scope: TInterviewScope, interviewId: string) {
  const owner = scope.interviewerId ? Prisma.sql`AND "interviewerId" = ${scope.interviewerId}::uuid` : Prisma.empty;
  const rows = await tx.$queryRaw<Array<{ id: string }>>`SELECT "id" FROM "Interview" WHERE "id" = ${interviewId}::uuid ${owner} FOR UPDATE`;
  if (rows.length === 0) throw notFound("The interview");
  const interview = await tx.interview.findFirst({
    where: { id: interviewId, ...scope },
    select: {
      id: true,
      status: true,
      consentAt: true,
      startedAt: true,
      finishedAt: true,
      durationSeconds: true,
      versionId: true,
      expert: { select: { studyId: true } },
    },
  });
  if (!interview) throw notFound("The interview");
  return interview;
}

/** The guide of an interview the actor may see (read before a transaction, to check input against it). */
export async function interviewGuide(scope: TInterviewScope, interviewId: string): Promise<TPublishedGuide & { studyId: string }> {
  assertId(interviewId, "The interview");
  const row = await db().interview.findFirst({
    where: { id: interviewId, ...scope },
    select: { versionId: true, version: { select: { content: true } }, expert: { select: { studyId: true } } },
  });
  if (!row) throw notFound("The interview");
  return { ...publishedGuide(row.versionId, row.version.content), studyId: row.expert.studyId };
}

export function mainQuestion(guide: TPublishedGuide, questionCode: string) {
  const question = guide.questions.get(questionCode);
  if (!question) throw badRequest(`"${questionCode}" is not a main question of this interview's guide.`, [{ path: "questionCode", message: "unknownQuestion" }]);
  return question;
}

const finished = (status: InterviewStatus) =>
  new AppError(409, "finished", status === "CANCELLED" ? "This interview was cancelled." : "This interview is finished: its notes can no longer be changed.");
const consentRequired = () => new AppError(403, "consent_required", "Record the expert's oral consent first.");

// ─────────────────────────────────────────────────────────── coordinator: assignment and status

export type TCoordinatorInterview = {
  id: string;
  plannedAt: Date;
  mode: InterviewMode;
  status: InterviewStatus;
  startedAt: Date | null;
  finishedAt: Date | null;
  durationSeconds: number;
  expert: { id: string; pseudonym: number; name: string; country: string; expertGroup: ExpertGroup };
  interviewer: { id: string; name: string };
  guide: { versionId: string; name: string; number: number; title?: TText };
};

/** Every interview, with experts' real names: for the coordinator's own views only. */
export async function listInterviews(actor: TActor): Promise<{ interviews: TCoordinatorInterview[] }> {
  assertRole(actor, "COORDINATOR");
  const rows = await db().interview.findMany({
    where: { expert: { study: coordinatedBy(actor) } },
    select: {
      id: true,
      plannedAt: true,
      mode: true,
      status: true,
      startedAt: true,
      finishedAt: true,
      durationSeconds: true,
      expert: { select: { id: true, pseudonym: true, country: true, expertGroup: true, user: { select: { name: true } } } },
      interviewer: { select: { id: true, name: true } },
      version: { select: { id: true, number: true, instrument: { select: { name: true } } } },
    },
    orderBy: [{ plannedAt: "asc" }, { createdAt: "asc" }],
  });
  const titles = await versionTitles(rows.map((r) => r.version.id));
  return {
    interviews: rows.map((r) => ({
      id: r.id,
      plannedAt: r.plannedAt,
      mode: r.mode,
      status: r.status,
      startedAt: r.startedAt,
      finishedAt: r.finishedAt,
      durationSeconds: r.durationSeconds,
      expert: { id: r.expert.id, pseudonym: r.expert.pseudonym, name: r.expert.user.name, country: r.expert.country, expertGroup: r.expert.expertGroup },
      interviewer: r.interviewer,
      guide: { versionId: r.version.id, name: r.version.instrument.name, number: r.version.number, title: titles.get(r.version.id) },
    })),
  };
}

/**
 * Assigns an interview. The expert, interviewer and version must exist (404); the expert must not
 * be rejected, declined or withdrawn (409); the interviewer must be an enabled interviewer and the
 * version a published guide of the expert's study (400).
 */
export async function createInterview(actor: TActor, input: TCreateInterview): Promise<{ id: string }> {
  assertRole(actor, "COORDINATOR");
  const data = parseInput(ZCreateInterview, input);
  return db().$transaction(async (tx) => {
    const expert = await tx.expert.findFirst({ where: { id: data.expertId, study: coordinatedBy(actor) }, select: { id: true, studyId: true, status: true } });
    if (!expert) throw notFound("The expert");
    if (UNAVAILABLE.includes(expert.status)) {
      throw new AppError(409, "expert_unavailable", `This expert is ${expert.status.toLowerCase()}: no interview can be assigned to them.`, [{ path: "expertId", message: "expertUnavailable" }]);
    }
    const interviewer = await tx.user.findUnique({
      where: { id: data.interviewerId },
      select: { role: true, disabledAt: true, memberships: { where: { studyId: expert.studyId, role: "INTERVIEWER" }, select: { role: true } } },
    });
    if (!interviewer) throw notFound("The interviewer");
    if (interviewer.role === "EXPERT" || interviewer.disabledAt || interviewer.memberships.length === 0) {
      throw badRequest("Interviews can be assigned only to an enabled interviewer of the expert's study.", [{ path: "interviewerId", message: "notAnInterviewer" }]);
    }
    const version = await tx.instrumentVersion.findUnique({
      where: { id: data.versionId },
      select: { status: true, instrument: { select: { kind: true, studyId: true } } },
    });
    if (!version) throw notFound("The guide version");
    if (version.status !== "PUBLISHED" || version.instrument.kind !== "GUIDE" || version.instrument.studyId !== expert.studyId) {
      throw badRequest("The version must be a published interview guide of the expert's study.", [{ path: "versionId", message: "notAPublishedGuide" }]);
    }
    const created = await tx.interview.create({
      data: {
        expertId: expert.id,
        interviewerId: data.interviewerId,
        versionId: data.versionId,
        plannedAt: new Date(data.plannedAt),
        mode: data.mode,
        createdById: actor.userId,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "interview.create",
      entity: "Interview",
      entityId: created.id,
      after: { expertId: expert.id, interviewerId: data.interviewerId, versionId: data.versionId, plannedAt: data.plannedAt, mode: data.mode },
    });
    return { id: created.id };
  });
}

/** Experts who are out of the panel: no interview can be assigned to them. */
const UNAVAILABLE: readonly ExpertStatus[] = ["REJECTED", "DECLINED", "WITHDRAWN"];

/** A coordinator reopens a finished interview so its notes can be changed again; audited. */
export async function reopenInterview(actor: TActor, interviewId: string): Promise<{ status: "IN_PROGRESS" }> {
  const scope = interviewScope(actor, ["COORDINATOR"]);
  assertId(interviewId, "The interview");
  return db().$transaction(async (tx) => {
    const interview = await lockInterview(tx, scope, interviewId);
    if (interview.status !== "DONE") throw conflict("Only a finished interview can be reopened.");
    await tx.interview.update({ where: { id: interviewId }, data: { status: "IN_PROGRESS", finishedAt: null } });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "interview.reopen",
      entity: "Interview",
      entityId: interviewId,
      before: { status: "DONE", finishedAt: interview.finishedAt?.toISOString() ?? null, durationSeconds: interview.durationSeconds },
      after: { status: "IN_PROGRESS", finishedAt: null },
    });
    return { status: "IN_PROGRESS" as const };
  });
}

/** A coordinator cancels an interview that is not finished; cancelling twice is harmless. Audited. */
export async function cancelInterview(actor: TActor, interviewId: string): Promise<{ status: "CANCELLED" }> {
  const scope = interviewScope(actor, ["COORDINATOR"]);
  assertId(interviewId, "The interview");
  return db().$transaction(async (tx) => {
    const interview = await lockInterview(tx, scope, interviewId);
    if (interview.status === "DONE") throw conflict("A finished interview cannot be cancelled. Reopen it first.");
    if (interview.status === "CANCELLED") return { status: "CANCELLED" as const };
    await tx.interview.update({ where: { id: interviewId }, data: { status: "CANCELLED" } });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "interview.cancel",
      entity: "Interview",
      entityId: interviewId,
      before: { status: interview.status },
      after: { status: "CANCELLED" },
    });
    return { status: "CANCELLED" as const };
  });
}

// ─────────────────────────────────────────────────────────── interviewer: own interviews

export type TOwnInterview = {
  id: string;
  plannedAt: Date;
  mode: InterviewMode;
  status: InterviewStatus;
  expert: { pseudonym: number; country: string; expertGroup: ExpertGroup };
  guideName: string;
  /** The guide's title in both languages, when its definition has one. */
  guideTitle?: TText;
};

/** The acting interviewer's own interviews by planned date, optionally of one status. No real names. */
export async function listOwnInterviews(actor: TActor, query: { status?: InterviewStatus } = {}): Promise<{ interviews: TOwnInterview[] }> {
  assertRole(actor, "INTERVIEWER");
  const { status } = parseInput(ZOwnInterviewsQuery, query);
  const rows = await db().interview.findMany({
    where: { interviewerId: actor.userId, expert: { study: interviewedBy(actor) }, ...(status ? { status } : {}) },
    select: {
      id: true,
      plannedAt: true,
      mode: true,
      status: true,
      expert: { select: { pseudonym: true, country: true, expertGroup: true } },
      version: { select: { id: true, instrument: { select: { name: true } } } },
    },
    orderBy: [{ plannedAt: "asc" }, { createdAt: "asc" }],
  });
  const titles = await versionTitles(rows.map((r) => r.version.id));
  return { interviews: rows.map(({ version, ...r }) => ({ ...r, guideName: version.instrument.name, guideTitle: titles.get(version.id) })) };
}

export type TNoteView = {
  text: string;
  probesAsked: string[];
  skipped: boolean;
  revision: number;
  firstWorkedAt: Date | null;
  lastWorkedAt: Date | null;
  codeIds: string[];
};

export type TInterviewDetail = {
  id: string;
  status: InterviewStatus;
  mode: InterviewMode;
  plannedAt: Date;
  consentAt: Date | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  durationSeconds: number;
  studyId: string;
  expert: { pseudonym: number; country: string; expertGroup: ExpertGroup };
  guide: { versionId: string; definition: TGuide };
  notes: Record<string, TNoteView>;
  /** `noteChanged`: an edit of the note changed the quoted passage (lib/interviews/anchors.ts). */
  quotes: Array<{ id: string; questionCode: string; start: number; end: number; text: string; noteChanged: boolean; codeIds: string[] }>;
  codes: TCodeNode[];
};

const probesOf = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);

/**
 * One interview with its guide, notes, quotes and the study's codebook: the interviewer's own, or
 * any for a coordinator. The expert appears only by pseudonym, country and group.
 */
export async function getInterview(actor: TActor, interviewId: string): Promise<TInterviewDetail> {
  const scope = interviewScope(actor);
  assertId(interviewId, "The interview");
  const row = await db().interview.findFirst({
    where: { id: interviewId, ...scope },
    select: {
      id: true,
      status: true,
      mode: true,
      plannedAt: true,
      consentAt: true,
      startedAt: true,
      finishedAt: true,
      durationSeconds: true,
      versionId: true,
      version: { select: { content: true } },
      expert: { select: { studyId: true, pseudonym: true, country: true, expertGroup: true } },
      notes: {
        select: { questionCode: true, text: true, probesAsked: true, skipped: true, revision: true, firstWorkedAt: true, lastWorkedAt: true, codes: { select: { codeId: true } } },
      },
      quotes: { select: { id: true, questionCode: true, start: true, end: true, text: true, noteChanged: true, codes: { select: { codeId: true } } } },
    },
  });
  if (!row) throw notFound("The interview");
  const guide = publishedGuide(row.versionId, row.version.content);
  const notes: Record<string, TNoteView> = {};
  for (const n of row.notes) {
    notes[n.questionCode] = {
      text: n.text,
      probesAsked: probesOf(n.probesAsked),
      skipped: n.skipped,
      revision: n.revision,
      firstWorkedAt: n.firstWorkedAt,
      lastWorkedAt: n.lastWorkedAt,
      codeIds: n.codes.map((c) => c.codeId),
    };
  }
  const order = (code: string) => guide.questions.get(code)?.order ?? Number.MAX_SAFE_INTEGER;
  const quotes = row.quotes
    .map((q) => ({ id: q.id, questionCode: q.questionCode, start: q.start, end: q.end, text: q.text, noteChanged: q.noteChanged, codeIds: q.codes.map((c) => c.codeId) }))
    .sort((a, b) => order(a.questionCode) - order(b.questionCode) || a.start - b.start || a.end - b.end);
  return {
    id: row.id,
    status: row.status,
    mode: row.mode,
    plannedAt: row.plannedAt,
    consentAt: row.consentAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    durationSeconds: row.durationSeconds,
    studyId: row.expert.studyId,
    expert: { pseudonym: row.expert.pseudonym, country: row.expert.country, expertGroup: row.expert.expertGroup },
    guide: { versionId: row.versionId, definition: guide.definition },
    notes,
    quotes,
    codes: await studyCodeTree(db(), row.expert.studyId),
  };
}

/** The interviewer records the expert's oral consent; the interview starts. Recording it again changes nothing. */
export async function recordInterviewConsent(actor: TActor, interviewId: string): Promise<{ consentAt: Date }> {
  const scope = interviewScope(actor, ["INTERVIEWER"]);
  assertId(interviewId, "The interview");
  return db().$transaction(async (tx) => {
    const interview = await lockInterview(tx, scope, interviewId);
    if (interview.consentAt) return { consentAt: interview.consentAt };
    if (interview.status === "DONE" || interview.status === "CANCELLED") throw finished(interview.status);
    const now = new Date();
    await tx.interview.update({
      where: { id: interviewId },
      data: { consentAt: now, status: "IN_PROGRESS", startedAt: interview.startedAt ?? now },
    });
    await recordAudit(tx, { actorId: actor.userId, action: "interview.consent", entity: "Interview", entityId: interviewId, after: { consentAt: now.toISOString() } });
    return { consentAt: now };
  });
}

export type TSaveNoteResult =
  | { status: "saved"; revision: number; replay: boolean }
  | { status: "conflict"; revision: number; note: { text: string; probesAsked: string[]; skipped: boolean } };

/**
 * Applies one autosave of a note, with the rules of questionnaire answers (lib/responses/service.ts):
 * idempotent by mutation id (a replay is acknowledged with the revision it got the first time), and
 * a save based on an older revision is refused with the stored note. Acknowledged only after commit.
 * Needs the expert's oral consent and an interview that is not finished or cancelled.
 */
export async function saveNote(actor: TActor, interviewId: string, input: TSaveNote): Promise<TSaveNoteResult> {
  const scope = interviewScope(actor, ["INTERVIEWER"]);
  const data = parseInput(ZSaveNote, input);
  const guide = await interviewGuide(scope, interviewId);
  const question = mainQuestion(guide, data.questionCode);
  const probesAsked = [...new Set(data.probesAsked)];
  const unknown = probesAsked.filter((p) => !question.probes.has(p));
  if (unknown.length) {
    throw badRequest(`Not probes of ${data.questionCode}: ${unknown.join(", ")}.`, unknown.map((p) => ({ path: "probesAsked", message: `unknownProbe ${p}` })));
  }

  return db().$transaction(async (tx) => {
    const interview = await lockInterview(tx, scope, interviewId);
    const replay = await tx.noteMutation.findUnique({ where: { id: data.mutationId }, select: { interviewId: true, questionCode: true, revision: true } });
    if (replay) {
      if (replay.interviewId !== interviewId || replay.questionCode !== data.questionCode) throw conflict("This mutation id was already used for another note.");
      return { status: "saved" as const, revision: replay.revision, replay: true };
    }
    if (interview.status === "DONE" || interview.status === "CANCELLED") throw finished(interview.status);
    if (!interview.consentAt) throw consentRequired();
    const where = { interviewId_questionCode: { interviewId, questionCode: data.questionCode } };
    const current = await tx.interviewNote.findUnique({ where, select: { text: true, probesAsked: true, skipped: true, revision: true, firstWorkedAt: true } });
    const currentRevision = current?.revision ?? 0;
    if (data.baseRevision !== currentRevision) {
      return {
        status: "conflict" as const,
        revision: currentRevision,
        note: { text: current?.text ?? "", probesAsked: probesOf(current?.probesAsked), skipped: current?.skipped ?? false },
      };
    }
    const now = new Date();
    const revision = currentRevision + 1;
    const fields = { text: data.text, probesAsked, skipped: data.skipped, revision, mutationId: data.mutationId, lastWorkedAt: now, updatedAt: now };
    await tx.interviewNote.upsert({
      where,
      create: { interviewId, questionCode: data.questionCode, ...fields, firstWorkedAt: now },
      update: { ...fields, firstWorkedAt: current?.firstWorkedAt ?? now },
    });
    await tx.noteMutation.create({ data: { id: data.mutationId, interviewId, questionCode: data.questionCode, revision } });
    const before = { text: current?.text ?? "", probesAsked: probesOf(current?.probesAsked), skipped: current?.skipped ?? false };
    if (before.text !== data.text) await moveQuotes(tx, interviewId, data.questionCode, before.text, data.text);
    // Notes of an interview reopened after it was finished change what was final: audited, before and after.
    const changed = before.text !== data.text || before.skipped !== data.skipped || JSON.stringify(before.probesAsked) !== JSON.stringify(probesAsked);
    if (changed && interview.finishedAt === null && (await wasReopened(tx, interviewId))) {
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "interview.note.edit",
        entity: "Interview",
        entityId: interviewId,
        before: { questionCode: data.questionCode, revision: currentRevision, ...before },
        after: { questionCode: data.questionCode, revision, text: data.text, probesAsked, skipped: data.skipped },
      });
    }
    if (interview.status === "PLANNED" || !interview.startedAt) {
      await tx.interview.update({ where: { id: interviewId }, data: { status: "IN_PROGRESS", startedAt: interview.startedAt ?? now } });
    }
    return { status: "saved" as const, revision, replay: false };
  });
}

/** Whether a coordinator has reopened the interview after it was finished (it is not finished now). */
async function wasReopened(tx: Prisma.TransactionClient, interviewId: string): Promise<boolean> {
  return !!(await tx.auditEvent.findFirst({ where: { entity: "Interview", entityId: interviewId, action: "interview.reopen" }, select: { id: true } }));
}

/**
 * The quotes of a note follow an edit of its text (lib/interviews/anchors.ts): their offsets move with
 * the text around them; one whose passage the edit changed is flagged (`noteChanged`).
 */
async function moveQuotes(tx: Prisma.TransactionClient, interviewId: string, questionCode: string, before: string, after: string): Promise<void> {
  const quotes = await tx.quote.findMany({ where: { interviewId, questionCode }, select: { id: true, start: true, end: true, text: true, noteChanged: true } });
  for (const q of quotes) {
    const moved = moveAnchor(before, after, q);
    // A quote flagged before stays so while its passage is not where its anchor is.
    const noteChanged = moved.noteChanged || (q.noteChanged && after.slice(moved.start, moved.end) !== q.text);
    if (moved.start !== q.start || moved.end !== q.end || noteChanged !== q.noteChanged) {
      await tx.quote.update({ where: { id: q.id }, data: { start: moved.start, end: moved.end, noteChanged } });
    }
  }
}

/** The interviewer finishes the interview: its notes become read-only. Finishing twice is harmless. */
export async function finishInterview(actor: TActor, interviewId: string): Promise<{ finishedAt: Date; durationSeconds: number }> {
  const scope = interviewScope(actor, ["INTERVIEWER"]);
  assertId(interviewId, "The interview");
  return db().$transaction(async (tx) => {
    const interview = await lockInterview(tx, scope, interviewId);
    if (interview.status === "DONE" && interview.finishedAt) return { finishedAt: interview.finishedAt, durationSeconds: interview.durationSeconds };
    if (interview.status === "CANCELLED") throw finished(interview.status);
    if (!interview.consentAt) throw consentRequired();
    const finishedAt = new Date();
    const startedAt = interview.startedAt ?? interview.consentAt;
    const durationSeconds = Math.max(0, Math.round((finishedAt.getTime() - startedAt.getTime()) / 1000));
    await tx.interview.update({ where: { id: interviewId }, data: { status: "DONE", finishedAt, startedAt, durationSeconds } });
    await recordAudit(tx, { actorId: actor.userId, action: "interview.finish", entity: "Interview", entityId: interviewId, after: { finishedAt: finishedAt.toISOString(), durationSeconds } });
    return { finishedAt, durationSeconds };
  });
}

/**
 * Replaces the codes of the notes on one question (the interviewer's own interview, or any for a
 * coordinator). Coding is analysis, so it stays open after the interview is finished. A question
 * with no notes yet gets an empty note (revision 0) to hold its codes.
 */
export async function setNoteCodes(actor: TActor, interviewId: string, questionCode: string, input: TCodeIds): Promise<{ codeIds: string[] }> {
  const scope = interviewScope(actor);
  const data = parseInput(ZCodeIds, input);
  const guide = await interviewGuide(scope, interviewId);
  mainQuestion(guide, questionCode);
  return db().$transaction(async (tx) => {
    await lockInterview(tx, scope, interviewId);
    const codeIds = await codesOfStudy(tx, guide.studyId, data.codeIds);
    await tx.$executeRaw`
      INSERT INTO "InterviewNote" ("interviewId", "questionCode", "revision", "mutationId")
      VALUES (${interviewId}::uuid, ${questionCode}, 0, gen_random_uuid())
      ON CONFLICT ("interviewId", "questionCode") DO NOTHING`;
    await tx.noteCode.deleteMany({ where: { interviewId, questionCode } });
    if (codeIds.length) await tx.noteCode.createMany({ data: codeIds.map((codeId) => ({ interviewId, questionCode, codeId })) });
    return { codeIds };
  });
}
