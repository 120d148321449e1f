import type { Role } from "@/lib/generated/prisma/enums";

/**
 * How long a session may live. Staff work in long sittings (an interview can last two hours) but
 * on shared office machines; experts come back over days to a questionnaire they started.
 * Every request refreshes "last seen", so the idle limit counts inactivity.
 */
export const SESSION_POLICY: Record<Role, { idleMinutes: number; absoluteHours: number }> = {
  COORDINATOR: { idleMinutes: 120, absoluteHours: 12 },
  INTERVIEWER: { idleMinutes: 120, absoluteHours: 12 },
  EXPERT: { idleMinutes: 7 * 24 * 60, absoluteHours: 30 * 24 },
};

/** The cookie outlives every policy above; the database row decides. */
export const SESSION_COOKIE_MAX_AGE_SECONDS = 30 * 24 * 3600;

/** "Last seen" is written at most this often, to keep the hot path to one read. */
export const LAST_SEEN_WRITE_INTERVAL_MS = 60_000;
