import "server-only";
import { db } from "@/lib/db";
import { assertRole } from "@/lib/auth/roles";
import type { TActor } from "@/lib/auth/sessions";
import { notFound } from "@/lib/errors";

export async function listStudies(actor: TActor) {
  assertRole(actor, "COORDINATOR");
  return db().study.findMany({ select: { id: true, slug: true, titleEn: true, titleRu: true, isDemo: true }, orderBy: { createdAt: "asc" } });
}

/** A study a coordinator may watch; 404 when it does not exist. */
export async function getStudy(actor: TActor, studyId: string) {
  assertRole(actor, "COORDINATOR");
  const study = await db().study.findUnique({ where: { id: studyId }, select: { id: true, slug: true, titleEn: true, titleRu: true, suppressionK: true } });
  if (!study) throw notFound("The study");
  return study;
}
