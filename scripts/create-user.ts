// `npm run user:create -- --email a@b.org --name "Anna Petrova" [--role COORDINATOR|INTERVIEWER] [--language ru|en] [--admin]`
// Creates a staff account on DATABASE_URL, e.g. the first coordinator of a new installation. The
// password is read from standard input (typed, or piped: `echo "$PW" | npm run user:create -- ...`).
// The account is the installation's administrator (it manages accounts) with --admin, or when
// there is no administrator yet.
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { createPrismaClient } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { createStaffAccount } from "@/lib/users/accounts";
import { ZCreateStaffUser } from "@/lib/users/schemas";

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string", default: "COORDINATOR" }, language: { type: "string", default: "ru" }, admin: { type: "boolean", default: false } },
  });
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set: it must name the database to add the account to.");
    return 1;
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  const password = (await rl.question(process.stdin.isTTY ? "Password (12+ characters): " : "")).trim();
  rl.close();
  const { admin, ...fields } = values;
  const parsed = ZCreateStaffUser.safeParse({ ...fields, password });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`${issue.path.join(".")}: ${issue.message}`);
    return 1;
  }
  const prisma = createPrismaClient({ url, max: 1, connectionTimeoutMs: 10_000, statementTimeoutMs: 30_000 });
  try {
    const isAdmin = admin || (await prisma.user.count({ where: { isAdmin: true } })) === 0;
    const { id } = await createStaffAccount(prisma, { ...parsed.data, isAdmin });
    console.log(`Created ${parsed.data.role.toLowerCase()} account ${id}${isAdmin ? " (administrator)" : ""}.`);
    return 0;
  } catch (error) {
    if (isUniqueViolation(error)) {
      console.error("An account with this e-mail already exists.");
      return 1;
    }
    throw error;
  } finally {
    await prisma.$disconnect();
  }
}

main().then((code) => process.exit(code));
