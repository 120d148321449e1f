import { LONG_TRANSACTION } from "@/lib/db/types";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ExpertStatus } from "@/lib/generated/prisma/enums";
import { issueInvitation } from "@/lib/auth/invitations";
import { claimQueuedMessage } from "@/lib/messaging/sql";
import { formatExpiry, renderTemplate, templateFor } from "@/lib/messaging/templates";
import { failureReason, isPermanentFailure, type TTransport } from "@/lib/messaging/transport";

export type TDeliveryConfig = {
  transport: TTransport;
  /** The app's public URL without a trailing slash ("" gives relative links, fine for the outbox). */
  baseUrl: string;
  ttlDays: number;
};

export type TDeliveryOutcome = "sent" | "skipped" | "failed";

/** Statuses an invitation or reminder may still go to. */
const SENDABLE: readonly ExpertStatus[] = ["VETTED", "INVITED", "STARTED", "COMPLETED"];

/** What the stored copy of an SMTP message shows instead of the link. */
export const REDACTED_LINK = "[personal sign-in link: sent to the expert only]";

/**
 * Sends one queued message. The row is claimed with a lock (`FOR UPDATE SKIP LOCKED` on a QUEUED
 * row), so a message is delivered by one worker only and never again once SENT or FAILED. The
 * sign-in link is issued now, in the same transaction (earlier links stop working when it commits).
 * If the mail server accepts the message but the commit then fails, the message is sent again on
 * retry: delivery is at least once.
 *
 * A failure is recorded on the row; it becomes FAILED when the server refuses for good (5xx) or on
 * the last attempt, otherwise the error is thrown so the job queue retries.
 */
export async function deliverMessage(
  prisma: PrismaClient,
  messageId: string,
  config: TDeliveryConfig,
  options: { lastAttempt: boolean; now?: Date },
): Promise<TDeliveryOutcome> {
  try {
    return await prisma.$transaction(
      async (tx) => {
        const now = options.now ?? new Date();
        if (!(await claimQueuedMessage(tx, messageId))) return "skipped";
        const message = await tx.message.findUniqueOrThrow({
          where: { id: messageId },
          select: {
            studyId: true,
            expertId: true,
            kind: true,
            language: true,
            toAddress: true,
            createdById: true,
            expert: { select: { status: true, user: { select: { name: true, email: true, disabledAt: true } } } },
            study: { select: { titleRu: true, titleEn: true, invitationTtlDays: true, status: true } },
          },
        });
        // An archived study issues no more links (the database refuses them); the message is left unsent.
        if (message.study.status === "ARCHIVED") {
          await tx.message.update({ where: { id: messageId }, data: { status: "FAILED", error: "Not sent: the study is archived.", attempts: { increment: 1 } } });
          return "failed" as const;
        }
        // The panel may have changed since the message was queued: a withdrawn, declined or rejected
        // expert, or a disabled account, gets no link; a corrected address is used.
        if (!SENDABLE.includes(message.expert.status) || message.expert.user.disabledAt) {
          await tx.message.update({ where: { id: messageId }, data: { status: "FAILED", error: `Not sent: the expert is ${message.expert.user.disabledAt ? "disabled" : message.expert.status.toLowerCase()}.`, attempts: { increment: 1 } } });
          return "failed" as const;
        }
        const to = message.expert.user.email;
        const template = await templateFor(tx, message.studyId, message.kind, message.language);
        const { token, expiresAt } = await issueInvitation(tx, { expertId: message.expertId, issuedById: message.createdById, ttlDays: message.study.invitationTtlDays ?? config.ttlDays }, now);
        const values = {
          name: message.expert.user.name,
          study: message.language === "en" ? message.study.titleEn : message.study.titleRu,
          link: `${config.baseUrl}/invite/${token}`,
          expiresAt: formatExpiry(expiresAt, message.language),
        };
        const rendered = renderTemplate(template, values);
        let stored = rendered;
        if (config.transport.kind === "smtp") {
          await config.transport.send({ to, subject: rendered.subject, text: rendered.body });
          stored = renderTemplate(template, { ...values, link: REDACTED_LINK });
        }
        await tx.message.update({
          where: { id: messageId },
          data: { status: "SENT", toAddress: to, transport: config.transport.kind, subject: stored.subject, body: stored.body, sentAt: now, error: null, attempts: { increment: 1 } },
        });
        return "sent" as const;
      },
      LONG_TRANSACTION,
    );
  } catch (error) {
    const final = isPermanentFailure(error) || options.lastAttempt;
    await prisma.message.updateMany({
      where: { id: messageId, status: "QUEUED" },
      data: { attempts: { increment: 1 }, error: failureReason(error), transport: config.transport.kind, ...(final ? { status: "FAILED" } : {}) },
    });
    if (final) return "failed";
    throw error;
  }
}
