import "server-only";
import { db } from "@/lib/db";
import { assertRole } from "@/lib/auth/roles";
import { coordinatedBy } from "@/lib/study/access";
import type { TActor } from "@/lib/auth/sessions";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ZAuditQuery, type TAuditQuery } from "@/lib/monitor/audit-schemas";
import { parseInput } from "@/lib/http/input";

export type TAuditRow = {
  id: string;
  at: string;
  actor: { name: string; email: string; role: string } | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
};

const DAY_MS = 24 * 3600_000;

const cursorOf = (row: { at: Date; id: bigint }) => `${row.at.toISOString()}_${row.id.toString()}`;

/**
 * Which entries an actor reads: those of the studies they coordinate; an administrator also reads
 * the entries about no study (accounts, sign-ins).
 */
async function auditScope(actor: TActor): Promise<Prisma.AuditEventWhereInput> {
  assertRole(actor, "COORDINATOR");
  const studies = await db().study.findMany({ where: coordinatedBy(actor), select: { id: true } });
  const own: Prisma.AuditEventWhereInput = { studyId: { in: studies.map((s) => s.id) } };
  return actor.isAdmin ? { OR: [own, { studyId: null }] } : own;
}

/**
 * The audit log, newest first, filtered, one page at a time. Pages are keyed by (at, id) rather
 * than by offset, so a page never shifts when new entries arrive; `nextBefore` names the next,
 * older page.
 */
export async function listAuditEvents(actor: TActor, query: TAuditQuery): Promise<{ rows: TAuditRow[]; nextBefore: string | null }> {
  const q = parseInput(ZAuditQuery, query, "The filters are not valid.");
  const where: Prisma.AuditEventWhereInput[] = [await auditScope(actor)];
  if (q.actor) where.push({ actor: { OR: [{ email: { contains: q.actor, mode: "insensitive" } }, { name: { contains: q.actor, mode: "insensitive" } }] } });
  if (q.action) where.push({ action: { startsWith: q.action } });
  if (q.entity) where.push({ entity: q.entity });
  if (q.from) where.push({ at: { gte: new Date(`${q.from}T00:00:00Z`) } });
  if (q.to) where.push({ at: { lt: new Date(new Date(`${q.to}T00:00:00Z`).getTime() + DAY_MS) } });
  if (q.before) {
    const [at, id] = q.before.split("_") as [string, string];
    where.push({ OR: [{ at: { lt: new Date(at) } }, { at: new Date(at), id: { lt: BigInt(id) } }] });
  }
  const rows = await db().auditEvent.findMany({
    where: { AND: where },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: q.limit + 1,
    select: { id: true, at: true, action: true, entity: true, entityId: true, before: true, after: true, actor: { select: { name: true, email: true, role: true } } },
  });
  const page = rows.slice(0, q.limit);
  return {
    rows: page.map((r) => ({ ...r, id: r.id.toString(), at: r.at.toISOString() })),
    nextBefore: rows.length > q.limit ? cursorOf(page[page.length - 1]!) : null,
  };
}

/** The distinct entity types and actions in the log, for the filter lists. */
export async function auditFacets(actor: TActor): Promise<{ entities: string[]; actions: string[] }> {
  const where = await auditScope(actor);
  const [entities, actions] = await Promise.all([
    db().auditEvent.findMany({ where, distinct: ["entity"], select: { entity: true }, orderBy: { entity: "asc" } }),
    db().auditEvent.findMany({ where, distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
  ]);
  return { entities: entities.map((e) => e.entity), actions: actions.map((a) => a.action) };
}
