import type { TDb } from "@/lib/db/types";
import { lockStudy } from "@/lib/study/sql";
import type { ExpertGroup, ExpertStatus, ExpertTrack, Language } from "@/lib/generated/prisma/enums";

export type TNewExpert = {
  studyId: string;
  name: string;
  email: string;
  country: string;
  expertGroup: ExpertGroup;
  language: Language;
  /** Optional profile (lib/panel/schemas.ts ZExpertFields); omitted fields keep the column defaults. */
  profile?: {
    organisation?: string;
    position?: string;
    degree?: string;
    publications?: number | null;
    experienceYears?: number | null;
    leadershipRole?: string;
    notes?: string;
    track?: ExpertTrack;
    status?: ExpertStatus;
    isDemo?: boolean;
  };
};

/**
 * Adds an expert to a study's panel with the next pseudonym number. Call inside a transaction:
 * the study row is locked so two additions never take the same number.
 */
export async function addExpert(tx: TDb, input: TNewExpert): Promise<{ expertId: string; userId: string; pseudonym: number }> {
  await lockStudy(tx, input.studyId);
  const last = await tx.expert.aggregate({ where: { studyId: input.studyId }, _max: { pseudonym: true } });
  const pseudonym = (last._max.pseudonym ?? 0) + 1;
  const email = input.email.trim().toLowerCase();
  const user = await tx.user.upsert({
    where: { email },
    create: { email, name: input.name, role: "EXPERT", language: input.language },
    update: {},
    select: { id: true, role: true },
  });
  if (user.role !== "EXPERT") throw new Error("This e-mail belongs to a staff account.");
  const expert = await tx.expert.create({
    data: { ...input.profile, studyId: input.studyId, userId: user.id, pseudonym, country: input.country, expertGroup: input.expertGroup },
    select: { id: true },
  });
  return { expertId: expert.id, userId: user.id, pseudonym };
}
