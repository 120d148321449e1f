import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { addExpert } from "@/lib/panel/experts";
import { createStaffAccount } from "@/lib/users/accounts";
import { createSession, type TActor } from "@/lib/auth/sessions";

export const unique = () => `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;

export async function makeStaff(prisma: PrismaClient, role: "COORDINATOR" | "INTERVIEWER") {
  const email = `${role.toLowerCase()}-${unique()}@it.test`;
  const password = randomBytes(12).toString("base64url");
  const { id } = await createStaffAccount(prisma, { email, password, name: `${role} ${unique()}`, role, language: "en" });
  return { id, email, password };
}

export async function makeStudy(prisma: PrismaClient) {
  return prisma.study.create({ data: { slug: `it-${unique()}`, titleEn: "Study", titleRu: "Исследование" } });
}

export async function makeExpert(prisma: PrismaClient, studyId: string) {
  return prisma.$transaction((tx) =>
    addExpert(tx, { studyId, name: "Expert", email: `expert-${unique()}@it.test`, country: "KZ", expertGroup: "OFFICIAL", language: "ru" }),
  );
}

/** An actor as the data layer receives it after the session check. */
export async function actorFor(prisma: PrismaClient, userId: string): Promise<TActor> {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
  const sessionId = await createSession(prisma, user);
  return { userId, sessionId, role: user.role, name: user.name, language: user.language };
}
