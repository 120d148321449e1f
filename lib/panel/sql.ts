import type { TDb } from "@/lib/db/types";
import type { ExpertStatus } from "@/lib/generated/prisma/enums";

/*
 * The panel's SQL, all of it (the rest of lib/panel goes through Prisma's query builder; the study's
 * row lock is lib/study/sql.ts lockStudy). Each statement runs in the caller's transaction.
 */

/** Locks the expert's row for the transaction, so two changes to one expert are checked one after the other. */
export async function lockExpert(tx: TDb, expertId: string): Promise<void> {
  await tx.$executeRaw`SELECT 1 FROM "Expert" WHERE "id" = ${expertId}::uuid FOR UPDATE`;
}

/** The expert's status, with the row locked for the transaction; undefined when there is no such expert. */
export async function lockedExpertStatus(tx: TDb, expertId: string): Promise<ExpertStatus | undefined> {
  const rows = await tx.$queryRaw<Array<{ status: ExpertStatus }>>`SELECT "status"::text AS "status" FROM "Expert" WHERE "id" = ${expertId}::uuid FOR UPDATE`;
  return rows[0]?.status;
}
