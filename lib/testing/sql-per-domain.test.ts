import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { walk } from "@/lib/testing/app-routes";

const LIB = path.resolve(__dirname, "..");

/**
 * Raw SQL run from TypeScript: Prisma's raw queries and its `Prisma.sql` fragments, tagged `sql`
 * templates, and pg's `client.query(...)`. The query builder (`db().expert.findMany`) is not SQL here.
 */
const RAW_SQL = /\$(?:query|execute)Raw(?:Unsafe)?\b|\bPrisma\.(?:sql|raw)\b|\bsql`|\.query(?:<[^>]*>)?\(/;

/**
 * Folders left out of the rule, each with why. lib/db is the database layer itself (the migration
 * runner, scratch databases): SQL is all it does.
 */
const EXEMPT = new Set(["db"]);

/** The lib/ files (tests and test helpers aside) that run raw SQL, by folder ("health.ts" at the top is its own "health"). */
function sqlFilesByFolder(): Map<string, string[]> {
  const byFolder = new Map<string, string[]>();
  walk(LIB, (file) => {
    const rel = path.relative(LIB, file);
    const [folder] = rel.split(path.sep);
    if (!/\.tsx?$/.test(file) || /\.test\.tsx?$/.test(file) || folder === "generated" || folder === "testing") return; // test helpers may run any SQL
    if (!RAW_SQL.test(readFileSync(file, "utf8"))) return;
    const key = folder!.replace(/\.tsx?$/, "");
    byFolder.set(key, [...(byFolder.get(key) ?? []), rel]);
  });
  return byFolder;
}

describe("a domain's SQL", () => {
  it("lives in one file per lib/ folder (e.g. lib/panel/sql.ts)", () => {
    const scattered = [...sqlFilesByFolder()].filter(([folder, files]) => files.length > 1 && !EXEMPT.has(folder));
    expect(Object.fromEntries(scattered)).toEqual({});
  });

  it("is recognised in each of its forms, and the query builder is not", () => {
    for (const line of ["tx.$queryRaw`SELECT 1`", "tx.$executeRawUnsafe(text)", "Prisma.sql`x`", "pool.query<TRow>(TEXT, [id])", "client.query(`LISTEN x`)"]) expect(RAW_SQL.test(line), line).toBe(true);
    for (const line of ["db().expert.findMany({ where })", "const query = parseQuery(req)", "searchParams.get('query')"]) expect(RAW_SQL.test(line), line).toBe(false);
  });

  it("leaves out only the folders that still need it", () => {
    const byFolder = sqlFilesByFolder();
    for (const folder of EXEMPT) expect(byFolder.get(folder)?.length ?? 0, folder).toBeGreaterThan(1);
  });
});
