import { z } from "zod";
import { DeliveryStatus, ExpertStatus, Language, MessageKind } from "@/lib/generated/prisma/enums";
import { defineRoute, ZIsoDate } from "@/lib/http/contract";
import { ZExpertReminders, ZInviteRequest, ZReminderSettings } from "@/lib/messaging/schemas";
import { MESSAGE_KINDS, LANGUAGES, ZTemplateSet } from "@/lib/messaging/templates";
import { ZExpertIdParams } from "@/lib/panel/schemas";
import { ZStudyParams } from "@/lib/study/schemas";

const ZMessageParams = z.object({ id: z.uuid() });

export const ZMessageRow = z.object({
  expert: z.object({ user: z.object({ name: z.string() }), id: z.string(), pseudonym: z.number() }),
  id: z.string(),
  status: z.enum(DeliveryStatus),
  createdAt: ZIsoDate,
  kind: z.enum(MessageKind),
  language: z.enum(Language),
  transport: z.string().nullable(),
  error: z.string().nullable(),
  attempts: z.number(),
  sentAt: ZIsoDate.nullable(),
});

const ZTemplates = z.object({
  templates: z.array(z.object({ kind: z.enum(MESSAGE_KINDS), language: z.enum(LANGUAGES), subject: z.string(), body: z.string(), isDefault: z.boolean() })),
});
const ZReminderSettingsView = z.object({ remindNotStartedDays: z.array(z.number()), remindNotFinishedDays: z.array(z.number()), remindersPaused: z.boolean() });

export const messagingRoutes = {
  invite: defineRoute({
    method: "POST",
    path: "/api/coordinator/messages/invitations",
    summary: "Queues invitations: { studyId, expertIds } or { studyId, allVetted: true }.",
    roles: ["COORDINATOR"],
    body: ZInviteRequest,
    response: z.object({ messageIds: z.array(z.string()) }),
  }),
  resend: defineRoute({
    method: "POST",
    path: "/api/coordinator/messages/[id]/resend",
    summary: "Sends a failed or sent message again.",
    roles: ["COORDINATOR"],
    params: ZMessageParams,
    response: z.object({ messageId: z.string() }),
  }),
  expertHistory: defineRoute({
    method: "GET",
    path: "/api/coordinator/experts/[id]/messages",
    summary: "One expert's message history with the reminder pause flag.",
    roles: ["COORDINATOR"],
    params: ZExpertIdParams,
    response: z.object({
      expert: z.object({ id: z.string(), studyId: z.string(), status: z.enum(ExpertStatus), invitedAt: ZIsoDate.nullable(), remindersPaused: z.boolean() }),
      messages: z.array(ZMessageRow),
    }),
  }),
  expertReminders: defineRoute({
    method: "PUT",
    path: "/api/coordinator/experts/[id]/reminders",
    summary: "Pauses or resumes reminders for one expert.",
    roles: ["COORDINATOR"],
    params: ZExpertIdParams,
    body: ZExpertReminders,
    response: z.object({ paused: z.boolean() }),
  }),
  templates: defineRoute({
    method: "GET",
    path: "/api/coordinator/studies/[studyId]/message-templates",
    summary: "The study's message templates (its own or the defaults).",
    roles: ["COORDINATOR"],
    params: ZStudyParams,
    response: ZTemplates,
  }),
  saveTemplates: defineRoute({
    method: "PUT",
    path: "/api/coordinator/studies/[studyId]/message-templates",
    summary: "Saves the study's message templates.",
    roles: ["COORDINATOR"],
    params: ZStudyParams,
    body: ZTemplateSet,
    response: ZTemplates,
  }),
  reminders: defineRoute({
    method: "GET",
    path: "/api/coordinator/studies/[studyId]/reminders",
    summary: "The study's reminder schedule.",
    roles: ["COORDINATOR"],
    params: ZStudyParams,
    response: ZReminderSettingsView,
  }),
  saveReminders: defineRoute({
    method: "PUT",
    path: "/api/coordinator/studies/[studyId]/reminders",
    summary: "Saves the study's reminder schedule.",
    roles: ["COORDINATOR"],
    params: ZStudyParams,
    body: ZReminderSettings,
    response: ZReminderSettingsView,
  }),
};
