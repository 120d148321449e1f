import "server-only";
import { db } from "@/lib/db";
import { LONG_TRANSACTION } from "@/lib/db/types";
import { recordAudit } from "@/lib/audit/record";
import { assertRole } from "@/lib/auth/roles";
import { coordinatedBy } from "@/lib/study/access";
import type { TActor } from "@/lib/auth/sessions";
import { AppError, notFound } from "@/lib/errors";
import type { ExpertStatus, MessageKind, Prisma } from "@/lib/generated/prisma/client";
import { appJobs } from "@/lib/jobs/app";
import { enqueueSends } from "@/lib/messaging/jobs";
import { transitionStatus } from "@/lib/panel/status";
import type { TInviteRequest, TMessageFilters, TReminderSettings } from "@/lib/messaging/schemas";
import { DEFAULT_TEMPLATES, templatesOf, type TTemplateSet } from "@/lib/messaging/templates";

/**
 * Who may be invited: vetted experts (moved to INVITED through lib/panel/status.ts), and experts
 * already invited, for a new invitation that keeps their status. Nominated, rejected, declined and
 * withdrawn experts may not.
 */
const INVITABLE: readonly ExpertStatus[] = ["VETTED", "INVITED", "STARTED", "COMPLETED"];

type TQueueable = { id: string; studyId: string; status: ExpertStatus; pseudonym: number; user: { email: string; language: "ru" | "en" } };

const QUEUEABLE_SELECT = { id: true, studyId: true, status: true, pseudonym: true, user: { select: { email: true, language: true } } } as const;

function refuseUninvitable(experts: TQueueable[]): void {
  const refused = experts.filter((e) => !INVITABLE.includes(e.status));
  if (refused.length) {
    throw new AppError(
      409,
      "not_invitable",
      `Only vetted or already invited experts can be invited (refused: ${refused.map((e) => `Expert ${e.pseudonym} is ${e.status}`).join(", ")}).`,
      { refused: refused.map((e) => ({ expertId: e.id, pseudonym: e.pseudonym, status: e.status })) },
    );
  }
}

/**
 * Queues a message per expert and its send job, moves vetted experts to INVITED, and audits it,
 * all in one transaction. The link is issued when the job sends the message.
 */
async function queueMessages(tx: Prisma.TransactionClient, actor: TActor, experts: TQueueable[], kind: MessageKind, action: string, extra: Prisma.InputJsonObject = {}) {
  const jobs = await appJobs();
  const ids: string[] = [];
  for (const expert of experts) {
    const message = await tx.message.create({
      data: { studyId: expert.studyId, expertId: expert.id, kind, language: expert.user.language, toAddress: expert.user.email, createdById: actor.userId },
      select: { id: true },
    });
    ids.push(message.id);
    let after: Prisma.InputJsonObject = { messageId: message.id, kind, language: expert.user.language, status: expert.status, ...extra };
    if (kind === "INVITATION" && expert.status === "VETTED") {
      // The panel's lifecycle rule: locks the row, stamps invitedAt, audits the status change.
      await transitionStatus(tx, expert.id, "INVITED", actor.userId);
      after = { ...after, status: "INVITED" };
    }
    await recordAudit(tx, { actorId: actor.userId, action, entity: "Expert", entityId: expert.id, before: { status: expert.status }, after });
  }
  await enqueueSends(jobs)(tx, ids);
  return ids;
}

/** Invites one expert, a selection, or every vetted expert not yet invited. */
export async function inviteExperts(actor: TActor, request: TInviteRequest): Promise<{ messageIds: string[] }> {
  assertRole(actor, "COORDINATOR");
  return db().$transaction(async (tx) => {
    const study = await tx.study.findFirst({ where: { id: request.studyId, ...coordinatedBy(actor) }, select: { id: true } });
    if (!study) throw notFound("The study");
    let experts: TQueueable[];
    if ("allVetted" in request) {
      experts = await tx.expert.findMany({ where: { studyId: request.studyId, status: "VETTED" }, select: QUEUEABLE_SELECT, orderBy: { pseudonym: "asc" } });
    } else {
      const ids = [...new Set(request.expertIds)];
      experts = await tx.expert.findMany({ where: { studyId: request.studyId, id: { in: ids } }, select: QUEUEABLE_SELECT, orderBy: { pseudonym: "asc" } });
      if (experts.length !== ids.length) throw notFound("An expert");
      refuseUninvitable(experts);
    }
    return { messageIds: await queueMessages(tx, actor, experts, "INVITATION", "message.invite") };
  }, LONG_TRANSACTION);
}

/** Sends a message again as a new message with a fresh link; the old link stops working when it goes out. */
export async function resendMessage(actor: TActor, messageId: string): Promise<{ messageId: string }> {
  assertRole(actor, "COORDINATOR");
  return db().$transaction(async (tx) => {
    const original = await tx.message.findFirst({ where: { id: messageId, study: coordinatedBy(actor) }, select: { kind: true, expert: { select: QUEUEABLE_SELECT } } });
    if (!original) throw notFound("The message");
    refuseUninvitable([original.expert]);
    const [id] = await queueMessages(tx, actor, [original.expert], original.kind, "message.resend", { resentFrom: messageId });
    return { messageId: id! };
  });
}

const LIST_SELECT = {
  id: true,
  kind: true,
  language: true,
  status: true,
  transport: true,
  error: true,
  attempts: true,
  createdAt: true,
  sentAt: true,
  expert: { select: { id: true, pseudonym: true, user: { select: { name: true } } } },
} as const;

export async function listMessages(actor: TActor, studyId: string, filters: TMessageFilters = {}) {
  assertRole(actor, "COORDINATOR");
  return db().message.findMany({
    where: { studyId, study: coordinatedBy(actor), ...(filters.status ? { status: filters.status } : {}), ...(filters.kind ? { kind: filters.kind } : {}) },
    select: LIST_SELECT,
    orderBy: { createdAt: "desc" },
    take: 500,
  });
}

/** One message with its stored text (in outbox mode, the text with the sign-in link). */
export async function getMessage(actor: TActor, messageId: string) {
  assertRole(actor, "COORDINATOR");
  const message = await db().message.findFirst({ where: { id: messageId, study: coordinatedBy(actor) }, select: { ...LIST_SELECT, studyId: true, toAddress: true, subject: true, body: true } });
  if (!message) throw notFound("The message");
  return message;
}

/** An expert's messages, newest first, with what the history panel needs. */
export async function expertMessages(actor: TActor, expertId: string) {
  assertRole(actor, "COORDINATOR");
  const expert = await db().expert.findFirst({ where: { id: expertId, study: coordinatedBy(actor) }, select: { id: true, studyId: true, status: true, remindersPaused: true, invitedAt: true } });
  if (!expert) throw notFound("The expert");
  const messages = await db().message.findMany({ where: { expertId }, select: LIST_SELECT, orderBy: { createdAt: "desc" } });
  return { expert, messages };
}

export async function getTemplates(actor: TActor, studyId: string) {
  assertRole(actor, "COORDINATOR");
  if (!(await db().study.findFirst({ where: { id: studyId, ...coordinatedBy(actor) }, select: { id: true } }))) throw notFound("The study");
  return templatesOf(db(), studyId);
}

/**
 * Saves a study's six templates. A template equal to the default is stored as "no template", so the
 * study keeps following the defaults. Audited with the texts before and after.
 */
export async function saveTemplates(actor: TActor, studyId: string, input: TTemplateSet): Promise<void> {
  assertRole(actor, "COORDINATOR");
  await db().$transaction(async (tx) => {
    const study = await tx.study.findFirst({ where: { id: studyId, ...coordinatedBy(actor) }, select: { id: true } });
    if (!study) throw notFound("The study");
    const before = await templatesOf(tx, studyId);
    for (const t of input.templates) {
      const key = { studyId_kind_language: { studyId, kind: t.kind, language: t.language } };
      const fallback = DEFAULT_TEMPLATES[t.kind][t.language];
      if (t.subject === fallback.subject && t.body === fallback.body) {
        await tx.messageTemplate.deleteMany({ where: { studyId, kind: t.kind, language: t.language } });
      } else {
        await tx.messageTemplate.upsert({
          where: key,
          create: { studyId, kind: t.kind, language: t.language, subject: t.subject, body: t.body, updatedById: actor.userId },
          update: { subject: t.subject, body: t.body, updatedById: actor.userId },
        });
      }
    }
    const changed = input.templates.filter((t) => {
      const old = before.find((b) => b.kind === t.kind && b.language === t.language);
      return !old || old.subject !== t.subject || old.body !== t.body;
    });
    if (changed.length === 0) return;
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "message.templates.update",
      entity: "Study",
      entityId: studyId,
      before: changed.map((t) => before.find((b) => b.kind === t.kind && b.language === t.language)!).map(({ kind, language, subject, body }) => ({ kind, language, subject, body })),
      after: changed.map(({ kind, language, subject, body }) => ({ kind, language, subject, body })),
    });
  });
}

export async function getReminderSettings(actor: TActor, studyId: string): Promise<TReminderSettings> {
  assertRole(actor, "COORDINATOR");
  const study = await db().study.findFirst({ where: { id: studyId, ...coordinatedBy(actor) }, select: { remindNotStartedDays: true, remindNotFinishedDays: true, remindersPaused: true } });
  if (!study) throw notFound("The study");
  return study;
}

export async function saveReminderSettings(actor: TActor, studyId: string, input: TReminderSettings): Promise<void> {
  assertRole(actor, "COORDINATOR");
  await db().$transaction(async (tx) => {
    const before = await tx.study.findFirst({ where: { id: studyId, ...coordinatedBy(actor) }, select: { remindNotStartedDays: true, remindNotFinishedDays: true, remindersPaused: true } });
    if (!before) throw notFound("The study");
    await tx.study.update({ where: { id: studyId }, data: input });
    await recordAudit(tx, { actorId: actor.userId, action: "message.reminders.settings", entity: "Study", entityId: studyId, before, after: input });
  });
}

export async function setExpertRemindersPaused(actor: TActor, expertId: string, paused: boolean): Promise<{ paused: boolean }> {
  assertRole(actor, "COORDINATOR");
  return db().$transaction(async (tx) => {
    const expert = await tx.expert.findFirst({ where: { id: expertId, study: coordinatedBy(actor) }, select: { remindersPaused: true } });
    if (!expert) throw notFound("The expert");
    await tx.expert.update({ where: { id: expertId }, data: { remindersPaused: paused } });
    await recordAudit(tx, { actorId: actor.userId, action: "message.reminders.expert", entity: "Expert", entityId: expertId, before: { remindersPaused: expert.remindersPaused }, after: { remindersPaused: paused } });
    return { paused };
  });
}

/** Experts of a study a coordinator can invite from the messages page (vetted or already invited). */
export async function invitableExperts(actor: TActor, studyId: string) {
  assertRole(actor, "COORDINATOR");
  return db().expert.findMany({
    where: { studyId, study: coordinatedBy(actor), status: { in: [...INVITABLE] } },
    select: { id: true, pseudonym: true, status: true, invitedAt: true, user: { select: { name: true, language: true } } },
    orderBy: { pseudonym: "asc" },
  });
}
