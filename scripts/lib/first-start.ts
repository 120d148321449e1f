import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TEnv } from "@/lib/env";
import { createStaffAccount } from "@/lib/users/accounts";
import { databaseIsEmpty, seedDemo, type TDemoSignIns } from "@/prisma/seed/demo";

/**
 * What `npm start` puts into the database before serving: the demo study when the database is empty
 * and DEMO is not "off", and the bootstrap coordinator when BOOTSTRAP_COORDINATOR_* ask for one (the
 * installation's administrator when it has none yet). Returns the demo's sign-ins when it seeded.
 */
export async function prepareDatabase(
  prisma: PrismaClient,
  env: Pick<TEnv, "DEMO" | "BOOTSTRAP_COORDINATOR_EMAIL" | "BOOTSTRAP_COORDINATOR_PASSWORD" | "BOOTSTRAP_COORDINATOR_NAME">,
  say: (line: string) => void,
): Promise<TDemoSignIns | null> {
  let signIns: TDemoSignIns | null = null;
  if (await databaseIsEmpty(prisma)) {
    if (env.DEMO === "off") say("Empty database, DEMO=off: starting without the demo study.");
    else {
      say("Empty database: seeding the demo study (DEMO=off starts without it).");
      signIns = await seedDemo(prisma);
    }
  }
  if (env.BOOTSTRAP_COORDINATOR_EMAIL && env.BOOTSTRAP_COORDINATOR_PASSWORD) {
    const exists = await prisma.user.findUnique({ where: { email: env.BOOTSTRAP_COORDINATOR_EMAIL.toLowerCase() } });
    if (!exists) {
      const isAdmin = (await prisma.user.count({ where: { isAdmin: true } })) === 0;
      await createStaffAccount(prisma, {
        email: env.BOOTSTRAP_COORDINATOR_EMAIL,
        password: env.BOOTSTRAP_COORDINATOR_PASSWORD,
        name: env.BOOTSTRAP_COORDINATOR_NAME ?? "Coordinator",
        role: "COORDINATOR",
        language: "en",
        isAdmin,
      });
      say(`Created the bootstrap coordinator from BOOTSTRAP_COORDINATOR_EMAIL${isAdmin ? " (the installation's administrator)" : ""}.`);
    }
  }
  return signIns;
}
