import "server-only";
import { randomBytes } from "node:crypto";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { assertRole } from "@/lib/auth/roles";
import type { TActor } from "@/lib/auth/sessions";
import { AppError, notFound } from "@/lib/errors";
import type { Language, StudyStatus } from "@/lib/generated/prisma/enums";
import { confirmedText } from "@/lib/i18n/text";
import { assertId, parseInput } from "@/lib/http/input";
import { coordinatedBy } from "@/lib/study/access";
import { NEXT_STATUS } from "@/lib/study/lifecycle";
import { lockStudy } from "@/lib/study/sql";
import { ZCreateStudy, ZStudyStatusChange, type TCreateStudyInput, type TStudyStatusChange } from "@/lib/study/schemas";

/** The studies the coordinator belongs to (as a coordinator): the only ones any study picker offers. */
export async function listStudies(actor: TActor) {
  assertRole(actor, "COORDINATOR");
  return db().study.findMany({
    where: coordinatedBy(actor),
    select: { id: true, slug: true, titleEn: true, titleRu: true, isDemo: true, status: true },
    orderBy: { createdAt: "asc" },
  });
}

/** A study the coordinator belongs to; 404 when it does not exist or is another team's. */
export async function getStudy(actor: TActor, studyId: string) {
  assertRole(actor, "COORDINATOR");
  const study = await db().study.findFirst({
    where: { id: studyId, ...coordinatedBy(actor) },
    select: { id: true, slug: true, titleEn: true, titleRu: true, suppressionK: true },
  });
  if (!study) throw notFound("The study");
  return study;
}

/** Enabled interviewers on the team of a study the coordinator coordinates: whom interviews can be assigned to. */
export async function listStudyInterviewers(actor: TActor) {
  assertRole(actor, "COORDINATOR");
  return db().user.findMany({
    where: { role: { not: "EXPERT" }, disabledAt: null, memberships: { some: { role: "INTERVIEWER", study: coordinatedBy(actor) } } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

function slugOf(title: string): string {
  const base = title
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return `${base || "study"}-${randomBytes(3).toString("hex")}`;
}

/**
 * A coordinator creates a study, in draft, and becomes its coordinator. A title or description given
 * in one language only is shown in both; the consent text starts at version 1. Audited.
 */
export async function createStudy(actor: TActor, raw: TCreateStudyInput): Promise<{ id: string; slug: string }> {
  assertRole(actor, "COORDINATOR");
  const input = parseInput(ZCreateStudy, raw);
  const languages: Language[] = [...(input.titleRu ? (["ru"] as const) : []), ...(input.titleEn ? (["en"] as const) : [])];
  const consent = confirmedText(input.consentRu, input.consentEn, languages[0]);
  const cells = input.cells.filter((c) => c.target > 0);
  return db().$transaction(async (tx) => {
    const study = await tx.study.create({
      data: {
        slug: slugOf(input.titleEn || input.titleRu),
        titleRu: input.titleRu || input.titleEn,
        titleEn: input.titleEn || input.titleRu,
        descriptionRu: input.descriptionRu || input.descriptionEn,
        descriptionEn: input.descriptionEn || input.descriptionRu,
        languages,
        consentText: consent,
        consentVersion: 1,
        suppressionK: input.suppressionK,
        percentDecimals: input.percentDecimals,
        invitationTtlDays: input.invitationTtlDays,
        fieldworkStart: input.fieldworkStart ? new Date(`${input.fieldworkStart}T00:00:00Z`) : null,
        fieldworkEnd: input.fieldworkEnd ? new Date(`${input.fieldworkEnd}T00:00:00Z`) : null,
        status: "DRAFT",
        members: { create: { userId: actor.userId, role: "COORDINATOR", addedById: actor.userId } },
        targets: { create: cells },
      },
      select: { id: true, slug: true },
    });
    const { consentRu, consentEn, ...settings } = input;
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "study.create",
      entity: "Study",
      entityId: study.id,
      after: { ...settings, cells, languages, consentVersion: 1, consentLength: { ru: consentRu.length, en: consentEn.length } },
    });
    return study;
  });
}

/** One study of the coordinator with its settings, for its page. */
export async function getStudySettings(actor: TActor, studyId: string) {
  assertRole(actor, "COORDINATOR");
  assertId(studyId, "The study");
  const study = await db().study.findFirst({
    where: { id: studyId, ...coordinatedBy(actor) },
    select: {
      id: true,
      titleRu: true,
      titleEn: true,
      descriptionRu: true,
      descriptionEn: true,
      languages: true,
      status: true,
      isDemo: true,
      consentVersion: true,
      suppressionK: true,
      percentDecimals: true,
      invitationTtlDays: true,
      fieldworkStart: true,
      fieldworkEnd: true,
      targets: { select: { country: true, expertGroup: true, target: true }, orderBy: [{ country: "asc" }, { expertGroup: "asc" }] },
    },
  });
  if (!study) throw notFound("The study");
  return study;
}

/** Moves a study one step along its lifecycle (lib/study/lifecycle.ts); anything else is a 409. Audited. */
export async function setStudyStatus(actor: TActor, studyId: string, raw: TStudyStatusChange): Promise<{ status: StudyStatus }> {
  assertRole(actor, "COORDINATOR");
  assertId(studyId, "The study");
  const { to } = parseInput(ZStudyStatusChange, raw);
  return db().$transaction(async (tx) => {
    await lockStudy(tx, studyId);
    const study = await tx.study.findFirst({ where: { id: studyId, ...coordinatedBy(actor) }, select: { status: true } });
    if (!study) throw notFound("The study");
    if (NEXT_STATUS[study.status] !== to) {
      throw new AppError(409, "illegal_transition", `A study in ${study.status.toLowerCase()} cannot move to ${to.toLowerCase()}.`, { from: study.status, to });
    }
    await tx.study.update({ where: { id: studyId }, data: { status: to } });
    await recordAudit(tx, { actorId: actor.userId, action: "study.status", entity: "Study", entityId: studyId, before: { status: study.status }, after: { status: to } });
    return { status: to };
  });
}
