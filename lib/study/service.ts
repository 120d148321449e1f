import "server-only";
import { db } from "@/lib/db";
import type { TActor } from "@/lib/auth/sessions";
import { forbidden } from "@/lib/errors";

export async function listStudies(actor: TActor) {
  if (actor.role !== "COORDINATOR") throw forbidden();
  return db().study.findMany({ select: { id: true, slug: true, titleEn: true, titleRu: true, isDemo: true }, orderBy: { createdAt: "asc" } });
}
