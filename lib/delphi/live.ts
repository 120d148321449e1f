import "server-only";
import { assertRole } from "@/lib/auth/roles";
import type { TActor } from "@/lib/auth/sessions";
import { notFound } from "@/lib/errors";
import { currentAssignment } from "@/lib/study/waves";

/** The study whose answers an expert in an open real-time Delphi round may follow; null otherwise. */
export async function realtimeStudyOf(actor: TActor): Promise<string | null> {
  assertRole(actor, "EXPERT");
  const assignment = await currentAssignment(actor.userId);
  const wave = assignment?.wave;
  return wave && wave.kind === "DELPHI_ROUND" && wave.realtime && wave.open ? assignment.studyId : null;
}

export const NotFoundLive = () => notFound("A real-time round");
