import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { requireEnv } from "@/lib/testing/db";

// prisma/README.md lists every function and trigger the migrations leave in the database, what each
// guarantees and the test that proves it. This test keeps that page true: it compares the page with
// the run's migrated database, and checks that every migration and test the page names exists.
//
// The page's format: table rows whose first cell holds one or more clauses separated by <br>, each
//   function `name`        or        trigger(s) `name`, `name` on `Table`
// then the guarantee, the migration folder (`<timestamp>_<name>`) that defines the current version,
// and the proofs: `path/to/file.test.ts` › "test title", or the words "no test yet".

const ROOT = path.resolve(__dirname, "..");
const PAGE = path.join(ROOT, "prisma", "README.md");

type TObjects = { functions: Set<string>; triggers: Set<string> };
type TRow = { line: number; objects: TObjects; migration: string | null; proofs: Array<{ file: string; title: string }>; noTest: boolean };

const triggerKey = (table: string, name: string) => `${name} on ${table}`;

/** Functions (not those of extensions) and user-defined triggers of schema public. */
async function databaseObjects(url: string): Promise<TObjects> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const functions = await client.query<{ name: string }>(`
      SELECT p.proname AS name
        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
       WHERE n.nspname = 'public'
         AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')`);
    const triggers = await client.query<{ table: string; name: string }>(`
      SELECT c.relname AS "table", t.tgname AS name
        FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND NOT t.tgisinternal`);
    return {
      functions: new Set(functions.rows.map((r) => r.name)),
      triggers: new Set(triggers.rows.map((r) => triggerKey(r.table, r.name))),
    };
  } finally {
    await client.end();
  }
}

const CLAUSE = /^(function|triggers?)\s+(.+?)(?:\s+on\s+`([^`]+)`)?$/;

/** The rows of the page that name functions or triggers, in the format described above. */
function parsePage(markdown: string): TRow[] {
  const rows: TRow[] = [];
  markdown.split("\n").forEach((text, index) => {
    if (!/^\|\s*(function|triggers?)\s/.test(text)) return;
    const cells = text.split("|").slice(1, -1).map((c) => c.trim());
    const objects: TObjects = { functions: new Set(), triggers: new Set() };
    for (const clause of cells[0]!.split(/<br\s*\/?>/).map((c) => c.trim())) {
      const match = CLAUSE.exec(clause);
      if (!match) throw new Error(`prisma/README.md line ${index + 1}: cannot read "${clause}"`);
      const [, kind, list, table] = match;
      const names = [...list!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
      if (kind === "function") names.forEach((n) => objects.functions.add(n));
      else if (!table) throw new Error(`prisma/README.md line ${index + 1}: "${clause}" names no table ("on \`Table\`")`);
      else names.forEach((n) => objects.triggers.add(triggerKey(table, n)));
    }
    const proofCell = cells[3] ?? "";
    rows.push({
      line: index + 1,
      objects,
      migration: /`(\d{14}_[^`]+)`/.exec(cells[2] ?? "")?.[1] ?? null,
      proofs: [...proofCell.matchAll(/`([^`]+\.(?:test|spec)\.ts)`\s*›\s*"([^"]+)"/g)].map((m) => ({ file: m[1]!, title: m[2]! })),
      noTest: /no test yet/i.test(proofCell),
    });
  });
  return rows;
}

/** What the page gets wrong about the database: objects it misses, and objects that no longer exist. */
function differences(database: TObjects, rows: TRow[]): string[] {
  const page: TObjects = { functions: new Set(), triggers: new Set() };
  for (const row of rows) {
    row.objects.functions.forEach((f) => page.functions.add(f));
    row.objects.triggers.forEach((t) => page.triggers.add(t));
  }
  const problems: string[] = [];
  const compare = (kind: string, inDatabase: Set<string>, onPage: Set<string>) => {
    for (const name of [...inDatabase].sort()) if (!onPage.has(name)) problems.push(`${kind} ${name}: in the database, missing from prisma/README.md`);
    for (const name of [...onPage].sort()) if (!inDatabase.has(name)) problems.push(`${kind} ${name}: in prisma/README.md, not in the database`);
  };
  compare("function", database.functions, page.functions);
  compare("trigger", database.triggers, page.triggers);
  return problems;
}

/** Rows that name a migration or a test that does not exist, or that name neither a test nor "no test yet". */
function brokenReferences(rows: TRow[]): string[] {
  const problems: string[] = [];
  for (const row of rows) {
    const where = `prisma/README.md line ${row.line}`;
    if (!row.migration) problems.push(`${where}: names no migration`);
    else if (!existsSync(path.join(ROOT, "prisma", "migrations", row.migration, "migration.sql"))) problems.push(`${where}: migration ${row.migration} does not exist`);
    if (row.proofs.length === 0 && !row.noTest) problems.push(`${where}: names no test (write "no test yet" if there is none)`);
    for (const { file, title } of row.proofs) {
      const full = path.join(ROOT, file);
      if (!existsSync(full)) problems.push(`${where}: ${file} does not exist`);
      else if (!readFileSync(full, "utf8").includes(title)) problems.push(`${where}: ${file} has no test "${title}"`);
    }
  }
  return problems;
}

describe("prisma/README.md", () => {
  let database: TObjects;
  let markdown: string;

  beforeAll(async () => {
    database = await databaseObjects(requireEnv("DATABASE_URL"));
    markdown = readFileSync(PAGE, "utf8");
  });

  it("lists exactly the functions and triggers of the migrated database", () => {
    expect(database.functions.size).toBeGreaterThan(0);
    expect(differences(database, parsePage(markdown))).toEqual([]);
  });

  it("names migrations and tests that exist", () => {
    expect(brokenReferences(parsePage(markdown))).toEqual([]);
  });

  // Guards against a checker that cannot fail: a page in the same format that leaves out one
  // trigger, names objects that do not exist, and cites a missing migration, file and test.
  it("is reported when it misses an object, names one that is gone, or cites what is not there", () => {
    const [dropped, ...kept] = [...database.triggers].sort();
    const init = "`20261128120000_init`";
    const missingTitle = ["a title", "found nowhere"].join(" "); // not written out, or this file would contain it
    const lines = [
      "| Object | Guarantee | Defined in | Proved by |",
      "| --- | --- | --- | --- |",
      ...[...database.functions].map((f) => `| function \`${f}\` | Something. | ${init} | no test yet |`),
      ...kept.map((key) => {
        const [name, table] = key.split(" on ");
        return `| trigger \`${name}\` on \`${table}\` | Something. | ${init} | no test yet |`;
      }),
      "| function `no_such_function`<br>triggers `no_a`, `no_b` on `Nowhere` | Gone. | `20990101000000_gone` | `prisma/no-such.integration.test.ts` › \"a test\" |",
      `| function \`${[...database.functions][0]}\` | Again. | ${init} | \`prisma/database-behaviour.integration.test.ts\` › "${missingTitle}" |`,
      `| function \`${[...database.functions][0]}\` | Unproved. | ${init} | |`,
    ];
    const rows = parsePage(lines.join("\n"));

    expect(differences(database, rows)).toEqual([
      "function no_such_function: in prisma/README.md, not in the database",
      `trigger ${dropped}: in the database, missing from prisma/README.md`,
      "trigger no_a on Nowhere: in prisma/README.md, not in the database",
      "trigger no_b on Nowhere: in prisma/README.md, not in the database",
    ]);
    const n = lines.length;
    expect(brokenReferences(rows)).toEqual([
      `prisma/README.md line ${n - 2}: migration 20990101000000_gone does not exist`,
      `prisma/README.md line ${n - 2}: prisma/no-such.integration.test.ts does not exist`,
      `prisma/README.md line ${n - 1}: prisma/database-behaviour.integration.test.ts has no test "${missingTitle}"`,
      `prisma/README.md line ${n}: names no test (write "no test yet" if there is none)`,
    ]);
  });
});
