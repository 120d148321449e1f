import { createHash } from "node:crypto";
import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createScratchDatabase } from "@/lib/testing/db";
import { MIGRATIONS_DIR, migrate, MigrationError } from "@/lib/db/migrate";

type TMigrationRow = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
};

const cleanups: Array<() => Promise<void>> = [];

afterAll(async () => {
  await Promise.all(cleanups.map((cleanup) => cleanup()));
});

async function emptyDatabase(): Promise<string> {
  const db = await createScratchDatabase({ migrated: false });
  cleanups.push(db.drop);
  return db.url;
}

/** A private copy of prisma/migrations that a test may add to or edit. */
async function migrationsCopy(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "migrations-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

/** Migration names and checksums computed here, not by the code under test. */
async function migrationsOnDisk(dir: string): Promise<Array<{ name: string; checksum: string }>> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return Promise.all(
    names.map(async (name) => ({
      name,
      checksum: createHash("sha256").update(await readFile(path.join(dir, name, "migration.sql"))).digest("hex"),
    })),
  );
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const appliedRows = (url: string) =>
  query<TMigrationRow>(
    url,
    `SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count
     FROM "_prisma_migrations" ORDER BY migration_name`,
  );

async function migrationError(run: Promise<unknown>): Promise<Error> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MigrationError);
  return error as Error;
}

describe("migrate()", () => {
  it("applies each migration exactly once when two instances start together", async () => {
    const url = await emptyDatabase();
    const expected = await migrationsOnDisk(MIGRATIONS_DIR);

    const runs = await Promise.all([migrate(url), migrate(url)]);

    // One run did all the work; the other waited on the lock and found nothing left to do.
    const applied = runs.map((r) => r.applied).sort((a, b) => b.length - a.length);
    expect(applied).toEqual([expected.map((m) => m.name), []]);
    const rows = await appliedRows(url);
    expect(rows.map(({ migration_name, checksum }) => ({ name: migration_name, checksum }))).toEqual(expected);
    for (const row of rows) {
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
    expect(await migrate(url)).toEqual({ applied: [] });
  });

  it("rolls a failing migration back completely and does not record it", async () => {
    const url = await emptyDatabase();
    const dir = await migrationsCopy();
    const good = await migrationsOnDisk(dir);
    const broken = "99990101000000_broken";
    await mkdir(path.join(dir, broken));
    await writeFile(
      path.join(dir, broken, "migration.sql"),
      `CREATE TABLE "Broken" ("id" INTEGER PRIMARY KEY);
       ALTER TABLE "Study" ADD COLUMN "broken" INTEGER;
       INSERT INTO "TableThatDoesNotExist" VALUES (1);`,
    );

    const error = await migrationError(migrate(url, { dir }));

    expect(error.message).toContain(broken);
    expect(error.message).toContain("rolled back");
    // The earlier migrations committed on their own; nothing of the broken one remains.
    expect((await appliedRows(url)).map((r) => r.migration_name)).toEqual(good.map((m) => m.name));
    const [leftovers] = await query<{ table: string | null; column: number }>(
      url,
      `SELECT to_regclass('"Broken"')::text AS table,
              (SELECT count(*)::int FROM information_schema.columns
               WHERE table_name = 'Study' AND column_name = 'broken') AS column`,
    );
    expect(leftovers).toEqual({ table: null, column: 0 });
  });

  it("refuses to run when an applied migration's SQL was changed", async () => {
    const url = await emptyDatabase();
    const dir = await migrationsCopy();
    await migrate(url, { dir });
    const [first] = await migrationsOnDisk(dir);
    await appendFile(path.join(dir, first!.name, "migration.sql"), "\n-- edited after it was applied\n");

    const error = await migrationError(migrate(url, { dir }));

    expect(error.message).toContain(first!.name);
    expect(error.message).toMatch(/checksum/i);
  });
});
