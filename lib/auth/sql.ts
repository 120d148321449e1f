import type pg from "pg";
import type { Language, Role } from "@/lib/generated/prisma/enums";

/*
 * The SQL of sign-in and sessions, all of it (the rest of lib/auth goes through Prisma's query
 * builder). These run straight on pg's pool (lib/db.ts, sql()): before every authenticated request.
 */

type TSessionRow = {
  id: string;
  role: Role;
  expiresAt: Date;
  lastSeenAt: Date;
  revokedAt: Date | null;
  userId: string;
  userRole: Role;
  isAdmin: boolean;
  name: string;
  language: Language;
  disabledAt: Date | null;
};

/** The session with its user, in one round trip. */
export async function sessionRow(pool: pg.Pool, sessionId: string): Promise<TSessionRow | undefined> {
  const { rows } = await pool.query<TSessionRow>(
    `SELECT s.id, s.role::text AS role, s."expiresAt", s."lastSeenAt", s."revokedAt",
            u.id AS "userId", u.role::text AS "userRole", u."isAdmin", u.name, u.language::text AS language, u."disabledAt"
       FROM "AuthSession" s JOIN "User" u ON u.id = s."userId"
      WHERE s.id = $1::uuid`,
    [sessionId],
  );
  return rows[0];
}

/** Records the session's last use (a revoked session stays as it was). */
export async function touchSession(pool: pg.Pool, sessionId: string, now: Date): Promise<void> {
  await pool.query(`UPDATE "AuthSession" SET "lastSeenAt" = $2 WHERE "id" = $1::uuid AND "revokedAt" IS NULL`, [sessionId, now]);
}

/** Whether the user is on some study's team as an interviewer. */
export async function interviewsForAStudy(pool: pg.Pool, userId: string): Promise<boolean> {
  const { rowCount } = await pool.query(`SELECT 1 FROM "StudyMember" WHERE "userId" = $1 AND "role" = 'INTERVIEWER' LIMIT 1`, [userId]);
  return Boolean(rowCount);
}
