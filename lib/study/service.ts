import "server-only";
import { db } from "@/lib/db";
import { assertRole } from "@/lib/auth/roles";
import type { TActor } from "@/lib/auth/sessions";

export async function listStudies(actor: TActor) {
  assertRole(actor, "COORDINATOR");
  return db().study.findMany({ select: { id: true, slug: true, titleEn: true, titleRu: true, isDemo: true }, orderBy: { createdAt: "asc" } });
}
