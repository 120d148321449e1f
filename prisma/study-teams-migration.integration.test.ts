import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, expect, it } from "vitest";
import { createScratchDatabase } from "@/lib/testing/db";
import { MIGRATIONS_DIR, migrate, readMigrations } from "@/lib/db/migrate";

const MIGRATION = "20261205210000_study_members";
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

/** prisma/migrations up to (not including) the study teams migration. */
async function migrationsBefore(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "migrations-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  for (const m of await readMigrations()) {
    if (m.name >= MIGRATION) break;
    await cp(path.join(MIGRATIONS_DIR, m.name), path.join(dir, m.name), { recursive: true });
  }
  await cp(path.join(MIGRATIONS_DIR, "migration_lock.toml"), path.join(dir, "migration_lock.toml"));
  return dir;
}

it("puts every existing coordinator and interviewer on every existing study's team, keeps coordinators managing accounts, and stamps old audit entries with their study", async () => {
  const scratch = await createScratchDatabase({ migrated: false });
  cleanups.push(scratch.drop);
  await migrate(scratch.url, { dir: await migrationsBefore() });

  const client = new pg.Client({ connectionString: scratch.url });
  await client.connect();
  cleanups.unshift(() => client.end());
  const one = async (text: string, values: unknown[] = []) => (await client.query<{ id: string }>(text, values)).rows[0]!.id;
  const user = (email: string, role: string) => one(`INSERT INTO "User" ("email", "name", "role") VALUES ($1, $1, $2::"Role") RETURNING "id"`, [email, role]);
  const coordinator = await user("c@m.test", "COORDINATOR");
  const interviewer = await user("i@m.test", "INTERVIEWER");
  const expertUser = await user("e@m.test", "EXPERT");
  const studies = [
    await one(`INSERT INTO "Study" ("slug", "titleRu", "titleEn") VALUES ('one', 'Один', 'One') RETURNING "id"`),
    await one(`INSERT INTO "Study" ("slug", "titleRu", "titleEn") VALUES ('two', 'Два', 'Two') RETURNING "id"`),
  ];
  const expert = await one(`INSERT INTO "Expert" ("studyId", "userId", "pseudonym", "country", "expertGroup") VALUES ($1, $2, 1, 'KZ', 'OFFICIAL') RETURNING "id"`, [studies[1], expertUser]);
  await client.query(`INSERT INTO "AuditEvent" ("actorId", "action", "entity", "entityId") VALUES ($1, 'expert.create', 'Expert', $2), ($1, 'user.create', 'User', $3)`, [coordinator, expert, interviewer]);

  expect((await migrate(scratch.url)).applied).toContain(MIGRATION);

  const members = await client.query(`SELECT "studyId", "userId", "role"::text AS role FROM "StudyMember" ORDER BY "role", "studyId"`);
  expect(members.rows).toEqual(
    [...studies.map((studyId) => ({ studyId, userId: coordinator, role: "COORDINATOR" })), ...studies.map((studyId) => ({ studyId, userId: interviewer, role: "INTERVIEWER" }))].sort(
      (x, y) => x.role.localeCompare(y.role) || x.studyId.localeCompare(y.studyId),
    ),
  );
  const admins = await client.query(`SELECT "id" FROM "User" WHERE "isAdmin"`);
  expect(admins.rows).toEqual([{ id: coordinator }]);
  const audit = await client.query(`SELECT "action", "studyId" FROM "AuditEvent" ORDER BY "id"`);
  expect(audit.rows).toEqual([
    { action: "expert.create", studyId: studies[1] },
    { action: "user.create", studyId: null },
  ]);
  // ...and the log is append-only again.
  await expect(client.query(`UPDATE "AuditEvent" SET "action" = 'rewritten'`)).rejects.toThrow(/append-only/);
});
