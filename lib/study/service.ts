import "server-only";
import { db } from "@/lib/db";
import { assertRole } from "@/lib/auth/roles";
import type { TActor } from "@/lib/auth/sessions";
import { notFound } from "@/lib/errors";
import { coordinatedBy } from "@/lib/study/access";

/** The studies the coordinator belongs to (as a coordinator): the only ones any study picker offers. */
export async function listStudies(actor: TActor) {
  assertRole(actor, "COORDINATOR");
  return db().study.findMany({
    where: coordinatedBy(actor),
    select: { id: true, slug: true, titleEn: true, titleRu: true, isDemo: true },
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
    where: { role: "INTERVIEWER", disabledAt: null, memberships: { some: { role: "INTERVIEWER", study: coordinatedBy(actor) } } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}
