import type { TDb } from "@/lib/db/types";
import type { Prisma } from "@/lib/generated/prisma/client";

export type TAuditEntry = {
  actorId: string | null;
  action: string;
  entity: string;
  entityId?: string | null;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
};

/** Appends one entry. Pass the transaction that makes the change, so both commit or neither does. */
export async function recordAudit(client: TDb, entry: TAuditEntry): Promise<void> {
  await client.auditEvent.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      before: entry.before,
      after: entry.after,
    },
  });
}
