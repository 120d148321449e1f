import { LONG_TRANSACTION, type TDb } from "@/lib/db/types";
import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { recordAudit } from "@/lib/audit/record";
import { issueInvitation } from "@/lib/auth/invitations";
import type { TActor } from "@/lib/auth/sessions";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError, conflict, forbidden, notFound } from "@/lib/errors";
import { assertRole } from "@/lib/auth/roles";
import { coordinatedBy } from "@/lib/study/access";
import { lockStudy } from "@/lib/study/sql";
import { lockExpert } from "@/lib/panel/sql";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ExpertStatus } from "@/lib/generated/prisma/enums";
import { addExpert } from "./experts";
import { checkAgainstPanel, panelConflicts, parseExpertCsv, type TImportReport } from "./import";
import { ZPanelQuery, type TExpertFields, type TPanelQuery, type TStatusAction } from "./schemas";
import { illegalTransition, transitionStatus } from "./status";
import { allCriteriaMet, readChecklist, type TVettingChecklist } from "./vetting";

/** The panel as coordinators see it: real names included. */
export async function listPanel(actor: TActor) {
  assertRole(actor, "COORDINATOR");
  return db().expert.findMany({
    where: { study: coordinatedBy(actor) },
    select: {
      id: true,
      pseudonym: true,
      country: true,
      expertGroup: true,
      status: true,
      linkRequestedAt: true,
      study: { select: { slug: true, titleEn: true, titleRu: true } },
      user: { select: { name: true, email: true, language: true } },
      // The response of the latest wave the expert answered (an expert has one per wave).
      responses: { select: { id: true, status: true, updatedAt: true, wave: true }, take: 1, orderBy: [{ wave: "desc" }, { startedAt: "asc" }] },
    },
    orderBy: [{ linkRequestedAt: { sort: "desc", nulls: "last" } }, { pseudonym: "asc" }],
  });
}

const ORDER: Record<string, (dir: Prisma.SortOrder) => Prisma.ExpertOrderByWithRelationInput> = {
  pseudonym: (dir) => ({ pseudonym: dir }),
  name: (dir) => ({ user: { name: dir } }),
  country: (dir) => ({ country: dir }),
  group: (dir) => ({ expertGroup: dir }),
  status: (dir) => ({ status: dir }),
  activity: (dir) => ({ lastActivityAt: { sort: dir, nulls: "last" } }),
};

/**
 * One study's panel, searched (name, e-mail, organisation; case-insensitive), filtered and sorted
 * in SQL. Ties fall back to the pseudonym, so the order is stable.
 */
export async function listExperts(actor: TActor, query: TPanelQuery) {
  assertRole(actor, "COORDINATOR");
  const q = ZPanelQuery.parse(query);
  await assertStudy(db(), actor, q.studyId);
  const where: Prisma.ExpertWhereInput = {
    studyId: q.studyId,
    study: coordinatedBy(actor),
    country: q.country,
    expertGroup: q.group,
    status: q.status,
    track: q.track,
    ...(q.q
      ? {
          OR: [
            { user: { name: { contains: q.q, mode: "insensitive" } } },
            { user: { email: { contains: q.q, mode: "insensitive" } } },
            { organisation: { contains: q.q, mode: "insensitive" } },
          ],
        }
      : {}),
  };
  const experts = await db().expert.findMany({
    where,
    select: {
      id: true,
      pseudonym: true,
      country: true,
      expertGroup: true,
      organisation: true,
      status: true,
      track: true,
      lastActivityAt: true,
      linkRequestedAt: true,
      user: { select: { name: true, email: true } },
      responses: { select: { id: true, status: true, wave: true }, take: 1, orderBy: [{ wave: "desc" }, { startedAt: "asc" }] },
    },
    orderBy: [ORDER[q.sort]!(q.dir), { pseudonym: "asc" }],
  });
  return { experts, count: experts.length };
}

const EXPERT_DETAIL = {
  id: true,
  studyId: true,
  pseudonym: true,
  country: true,
  expertGroup: true,
  organisation: true,
  position: true,
  degree: true,
  publications: true,
  experienceYears: true,
  leadershipRole: true,
  notes: true,
  status: true,
  track: true,
  vetting: true,
  decidedAt: true,
  invitedAt: true,
  lastActivityAt: true,
  linkRequestedAt: true,
  decidedBy: { select: { name: true } },
  user: { select: { id: true, name: true, email: true, language: true } },
  study: { select: { id: true, titleEn: true, titleRu: true } },
} satisfies Prisma.ExpertSelect;

export async function getExpert(actor: TActor, expertId: string) {
  assertRole(actor, "COORDINATOR");
  const expert = await db().expert.findFirst({ where: { id: expertId, study: coordinatedBy(actor) }, select: EXPERT_DETAIL });
  if (!expert) throw notFound("The expert");
  return { ...expert, vetting: readChecklist(expert.vetting) };
}

/** The editable profile of an expert, flat, as the forms and the audit log see it. */
function profileOf(e: { country: string; expertGroup: string; organisation: string; position: string; degree: string; publications: number | null; experienceYears: number | null; leadershipRole: string; notes: string; track: string; user: { name: string; email: string; language: string } }): Record<string, string | number | null> {
  return {
    name: e.user.name,
    email: e.user.email,
    country: e.country,
    expertGroup: e.expertGroup,
    organisation: e.organisation,
    position: e.position,
    degree: e.degree,
    publications: e.publications,
    experienceYears: e.experienceYears,
    leadershipRole: e.leadershipRole,
    language: e.user.language,
    track: e.track,
    notes: e.notes,
  };
}

function expertData(fields: TExpertFields) {
  const { organisation, position, degree, publications, experienceYears, leadershipRole, notes, track } = fields;
  return { organisation, position, degree, publications, experienceYears, leadershipRole, notes, track };
}

async function assertStudy(tx: TDb, actor: TActor, studyId: string) {
  if (!(await tx.study.findFirst({ where: { id: studyId, ...coordinatedBy(actor) }, select: { id: true } }))) throw notFound("The study");
}

/** Adds one expert (nominated) to a study's panel with the next pseudonym. */
export async function createExpert(actor: TActor, input: TExpertFields & { studyId: string }) {
  assertRole(actor, "COORDINATOR");
  return db().$transaction(async (tx) => {
    await assertStudy(tx, actor, input.studyId);
    await lockStudy(tx, input.studyId);
    const problem = (await panelConflicts(tx, input.studyId, [input.email])).get(input.email);
    if (problem) throw conflict(problem);
    const added = await addExpert(tx, { ...input, profile: expertData(input) });
    await recordAudit(tx, { actorId: actor.userId, action: "expert.create", entity: "Expert", entityId: added.expertId, after: { pseudonym: added.pseudonym, ...input } });
    return added;
  });
}

/** Edits an expert's profile; the audit entry holds the changed fields only, before and after. */
export async function updateExpert(actor: TActor, expertId: string, fields: TExpertFields) {
  assertRole(actor, "COORDINATOR");
  try {
    return await db().$transaction(async (tx) => {
      await lockExpert(tx, expertId);
      const current = await tx.expert.findFirst({ where: { id: expertId, study: coordinatedBy(actor) }, select: EXPERT_DETAIL });
      if (!current) throw notFound("The expert");
      const before = profileOf(current);
      const after = profileOf({ ...fields, user: { name: fields.name, email: fields.email, language: fields.language } });
      const changed = Object.keys(after).filter((k) => before[k] !== after[k]);
      if (changed.length === 0) return { changed };
      if (fields.email !== current.user.email) {
        const other = await tx.user.findUnique({ where: { email: fields.email }, select: { id: true } });
        if (other) throw conflict("Another account already uses this e-mail.");
      }
      await tx.user.update({ where: { id: current.user.id }, data: { name: fields.name, email: fields.email, language: fields.language } });
      await tx.expert.update({ where: { id: expertId }, data: { ...expertData(fields), country: fields.country, expertGroup: fields.expertGroup } });
      const pick = (o: Record<string, unknown>) => Object.fromEntries(changed.map((k) => [k, o[k]])) as Prisma.InputJsonObject;
      await recordAudit(tx, { actorId: actor.userId, action: "expert.update", entity: "Expert", entityId: expertId, before: pick(before), after: pick(after) });
      return { changed };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict("Another account already uses this e-mail.");
    throw error;
  }
}

/**
 * Saves the vetting checklist and, when asked, the decision. Vetting needs every criterion met;
 * the decision records who and when (lib/panel/status.ts), and both changes are audited.
 */
export async function decideVetting(actor: TActor, expertId: string, input: { checklist: TVettingChecklist; decision?: "VETTED" | "REJECTED" }) {
  assertRole(actor, "COORDINATOR");
  return db().$transaction(async (tx) => {
    const current = await tx.expert.findFirst({ where: { id: expertId, study: coordinatedBy(actor) }, select: { vetting: true, status: true } });
    if (!current) throw notFound("The expert");
    // Decisions are for experts still under review; declined or withdrawn ones are reinstated first.
    if (input.decision && !["NOMINATED", "VETTED", "REJECTED"].includes(current.status)) throw illegalTransition(current.status, input.decision);
    if (input.decision === "VETTED" && !allCriteriaMet(input.checklist)) {
      throw new AppError(409, "criteria_not_met", "Mark every vetting criterion as met before vetting the expert.");
    }
    const before = readChecklist(current.vetting);
    if (JSON.stringify(before) !== JSON.stringify(input.checklist)) {
      await tx.expert.update({ where: { id: expertId }, data: { vetting: input.checklist } });
      await recordAudit(tx, { actorId: actor.userId, action: "expert.vetting", entity: "Expert", entityId: expertId, before, after: input.checklist });
    }
    if (input.decision) await transitionStatus(tx, expertId, input.decision, actor.userId);
    return tx.expert.findUniqueOrThrow({ where: { id: expertId }, select: { status: true, decidedAt: true, decidedById: true } });
  });
}

/**
 * The manual status changes: decline, withdraw, and reinstate a declined or withdrawn expert
 * (back to vetted if they had got that far, else to nominated). Invitations and responses move
 * the rest of the lifecycle.
 */
export async function changeStatus(actor: TActor, expertId: string, action: TStatusAction) {
  assertRole(actor, "COORDINATOR");
  return db().$transaction(async (tx) => {
    const expert = await tx.expert.findFirst({ where: { id: expertId, study: coordinatedBy(actor) }, select: { status: true } });
    if (!expert) throw notFound("The expert");
    if (action !== "reinstate") {
      const moved = await transitionStatus(tx, expertId, action === "decline" ? "DECLINED" : "WITHDRAWN", actor.userId);
      // Links already sent stop working, and nothing queued goes out (delivery checks the status too).
      await tx.invitationToken.updateMany({ where: { expertId, usedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
      await tx.message.updateMany({ where: { expertId, status: "QUEUED" }, data: { status: "FAILED", error: `Not sent: the expert was ${action === "decline" ? "marked as declined" : "withdrawn"}.` } });
      return moved;
    }
    if (expert.status !== "DECLINED" && expert.status !== "WITHDRAWN") throw illegalTransition(expert.status, "NOMINATED");
    const left = await tx.auditEvent.findFirst({
      where: { entity: "Expert", entityId: expertId, action: "expert.status", after: { path: ["status"], equals: expert.status } },
      orderBy: { id: "desc" },
      select: { before: true },
    });
    const previous = (left?.before as { status?: ExpertStatus } | null)?.status ?? "NOMINATED";
    return transitionStatus(tx, expertId, previous === "NOMINATED" ? "NOMINATED" : "VETTED", actor.userId);
  });
}

export type TImportResult = TImportReport & { imported: number };

/**
 * CSV import: a preview reports every row and problem; a commit re-validates and imports every
 * row in one transaction, or nothing when any row has a problem (422 with the report).
 */
export async function importExperts(actor: TActor, input: { studyId: string; csv: string; commit: boolean }): Promise<TImportResult> {
  assertRole(actor, "COORDINATOR");
  const parsed = parseExpertCsv(input.csv);
  if (!input.commit) {
    await assertStudy(db(), actor, input.studyId);
    return { ...(await checkAgainstPanel(db(), input.studyId, parsed)), imported: 0 };
  }
  return db().$transaction(
    async (tx) => {
      await assertStudy(tx, actor, input.studyId);
      // Lock the study first, so the panel check and the additions see the same panel.
      await lockStudy(tx, input.studyId);
      const report = await checkAgainstPanel(tx, input.studyId, parsed);
      if (report.problems.length) {
        throw new AppError(422, "import_invalid", `${report.problems.length} problem(s) found; nothing was imported.`, report);
      }
      const created: Array<{ expertId: string; pseudonym: number; row: number }> = [];
      for (const r of report.rows) {
        const fields = r.expert!;
        const added = await addExpert(tx, { ...fields, studyId: input.studyId, profile: expertData(fields) });
        created.push({ expertId: added.expertId, pseudonym: added.pseudonym, row: r.row });
        await recordAudit(tx, { actorId: actor.userId, action: "expert.create", entity: "Expert", entityId: added.expertId, after: { studyId: input.studyId, pseudonym: added.pseudonym, ...fields, source: "import" } });
      }
      await recordAudit(tx, { actorId: actor.userId, action: "expert.import", entity: "Study", entityId: input.studyId, after: { count: created.length, experts: created } });
      return { ...report, imported: created.length };
    },
    LONG_TRANSACTION,
  );
}

/**
 * Issues a fresh sign-in link for an expert; every earlier link stops working. The token is
 * returned once, to be sent to the expert, and is not retrievable afterwards.
 */
export async function reissueInvitation(actor: TActor, expertId: string) {
  assertRole(actor, "COORDINATOR");
  return db().$transaction(async (tx) => {
    const expert = await tx.expert.findFirst({ where: { id: expertId, study: coordinatedBy(actor) }, select: { id: true, study: { select: { invitationTtlDays: true } } } });
    if (!expert) throw notFound("The expert");
    const ttlDays = expert.study.invitationTtlDays ?? env().INVITATION_TTL_DAYS;
    const { token, expiresAt } = await issueInvitation(tx, { expertId, issuedById: actor.userId, ttlDays });
    await tx.expert.update({ where: { id: expertId }, data: { linkRequestedAt: null } });
    await recordAudit(tx, { actorId: actor.userId, action: "invitation.reissue", entity: "Expert", entityId: expertId, after: { expiresAt: expiresAt.toISOString() } });
    return { path: `/invite/${token}`, expiresAt };
  });
}

/** An expert's own panel record: the query is scoped to the acting user, so nobody else's is reachable. */
export async function getOwnExpertProfile(actor: TActor) {
  if (actor.role !== "EXPERT") throw forbidden();
  const profile = await db().expert.findFirst({
    where: { userId: actor.userId },
    select: { pseudonym: true, country: true, expertGroup: true, study: { select: { titleRu: true, titleEn: true } } },
    orderBy: { createdAt: "desc" },
  });
  if (!profile) throw notFound("Your panel record");
  return profile;
}
