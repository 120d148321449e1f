import type { TDb } from "@/lib/db/types";
import type { Language, Role } from "@/lib/generated/prisma/enums";
import { hashPassword } from "@/lib/auth/password";

/** Creates a coordinator or interviewer account. Shared by the app, the bootstrap command and the seed. */
export async function createStaffAccount(
  client: TDb,
  input: { email: string; name: string; role: Exclude<Role, "EXPERT">; password: string; language: Language; isAdmin?: boolean },
): Promise<{ id: string }> {
  return client.user.create({
    data: {
      email: input.email.trim().toLowerCase(),
      name: input.name,
      role: input.role,
      isAdmin: input.isAdmin ?? false,
      language: input.language,
      passwordHash: await hashPassword(input.password),
    },
    select: { id: true },
  });
}
