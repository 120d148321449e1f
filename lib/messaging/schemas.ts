import { z } from "zod";
import { MESSAGE_KINDS } from "@/lib/messaging/templates";

export const DELIVERY_STATUSES = ["QUEUED", "SENT", "FAILED"] as const;

/** One expert, a selection, or every vetted expert of the study not invited yet. */
export const ZInviteRequest = z.union([
  z.object({ studyId: z.uuid(), expertIds: z.array(z.uuid()).min(1).max(1000) }),
  z.object({ studyId: z.uuid(), allVetted: z.literal(true) }),
]);
export type TInviteRequest = z.infer<typeof ZInviteRequest>;

const reminderDays = z
  .array(z.coerce.number().int().min(1).max(365))
  .max(10)
  .transform((days) => [...new Set(days)].sort((a, b) => a - b));

/** Reminder schedule of a study: days after the invitation. The form sends the days as text ("3, 7"). */
export const ZReminderSettings = z.object({
  remindNotStartedDays: reminderDays,
  remindNotFinishedDays: reminderDays,
  remindersPaused: z.boolean(),
});
export type TReminderSettings = z.infer<typeof ZReminderSettings>;

export const ZExpertReminders = z.object({ paused: z.boolean() });

export const ZMessageFilters = z.object({
  status: z.enum(DELIVERY_STATUSES).optional().catch(undefined),
  kind: z.enum(MESSAGE_KINDS).optional().catch(undefined),
});
export type TMessageFilters = z.infer<typeof ZMessageFilters>;

/** "3, 7" -> [3, 7]; anything that is not a list of whole numbers -> null. */
export function parseDays(text: string): number[] | null {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  if (!parts.every((p) => /^\d{1,3}$/.test(p))) return null;
  return parts.map(Number);
}
