import type pg from "pg";
import type { TDb } from "@/lib/db/types";
import type { Language, Role } from "@/lib/generated/prisma/enums";
import { LAST_SEEN_WRITE_INTERVAL_MS, SESSION_POLICY } from "@/lib/auth/session-policy";
import { sessionRow, touchSession } from "@/lib/auth/sql";

export type TActor = {
  userId: string;
  sessionId: string;
  role: Role;
  /** The installation's administrator: manages staff accounts; sees a study's data only as its member. */
  isAdmin: boolean;
  name: string;
  language: Language;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function createSession(client: TDb, user: { id: string; role: Role }): Promise<string> {
  const expiresAt = new Date(Date.now() + SESSION_POLICY[user.role].absoluteHours * 3600_000);
  const session = await client.authSession.create({
    data: { userId: user.id, role: user.role, expiresAt },
    select: { id: true },
  });
  return session.id;
}

/**
 * The check behind every authenticated request, in every instance: the session row must exist,
 * be unrevoked, within its absolute and idle limits, for an enabled user whose role has not
 * changed since sign-in. Returns null otherwise.
 */
export async function validateSession(pool: pg.Pool, sessionId: string, now = new Date()): Promise<TActor | null> {
  if (!UUID.test(sessionId)) return null;
  // One round trip, straight on pg (lib/db.ts, sql()): this runs before every authenticated request.
  const session = await sessionRow(pool, sessionId);
  if (!session || session.revokedAt || session.disabledAt) return null;
  if (session.userRole !== session.role) return null;
  if (session.expiresAt <= now) return null;
  const idleMs = SESSION_POLICY[session.role].idleMinutes * 60_000;
  if (now.getTime() - session.lastSeenAt.getTime() > idleMs) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > LAST_SEEN_WRITE_INTERVAL_MS) {
    await touchSession(pool, session.id, now);
  }
  return { userId: session.userId, sessionId: session.id, role: session.role, isAdmin: session.isAdmin, name: session.name, language: session.language };
}

export async function revokeSession(client: TDb, sessionId: string, why: string): Promise<void> {
  await client.authSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date(), revokedWhy: why } });
}

export async function revokeUserSessions(client: TDb, userId: string, why: string): Promise<number> {
  const { count } = await client.authSession.updateMany({
    where: { userId, revokedAt: null },
    data: { revokedAt: new Date(), revokedWhy: why },
  });
  return count;
}
