/**
 * Compares the Prisma schema (through Prisma's DMMF) with a live PostgreSQL database and describes
 * every difference in a sentence. prisma/migration-drift.integration.test.ts runs it on a database
 * built only by prisma/migrations, so the migrations and schema.prisma cannot drift apart.
 *
 * Compared both ways: tables, columns (type, nullability, default), enums, primary keys, unique and
 * normal indexes, foreign keys. Not compared (Prisma does not model them): triggers, functions,
 * sequences, CHECK constraints, `_prisma_migrations`. Only the database's current schema is read.
 */
import { readFile } from "node:fs/promises";
import { getDMMF } from "@prisma/internals";
import pg from "pg";

export type TDatamodel = Awaited<ReturnType<typeof getDMMF>>["datamodel"];
type TModel = TDatamodel["models"][number];
type TField = TModel["fields"][number];

type TColumn = { table: string; column: string; type: string; nullable: boolean; default: string | null };
type TIndex = { name: string; table: string; kind: "primary key" | "unique index" | "index"; columns: string[]; method: string; partial: boolean };
type TForeignKey = { table: string; columns: string[]; refTable: string; refColumns: string[]; onDelete: string; onUpdate: string };
type TShape = { tables: string[]; columns: TColumn[]; enums: Map<string, string[]>; indexes: TIndex[]; foreignKeys: TForeignKey[] };

const IGNORED_TABLES = new Set(["_prisma_migrations"]);

export async function loadDatamodel(schemaPath: string): Promise<TDatamodel> {
  return (await getDMMF({ datamodel: await readFile(schemaPath, "utf8") })).datamodel;
}

export async function findSchemaDrift(datamodel: TDatamodel, databaseUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return compareShapes(expectedShape(datamodel), await introspect(client));
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------- the schema's side

const tableOf = (m: TModel) => m.dbName ?? m.name;
// DMMF only carries a field's dbName when @map is used.
const columnOf = (f: TField) => f.dbName ?? f.name;
const isColumn = (f: TField) => f.kind !== "object";

/** format_type() spelling of each native type; `args` are the @db.X(...) arguments. */
const NATIVE_TYPES: Record<string, (args: readonly string[]) => string> = {
  Text: () => "text", VarChar: (a) => sized("character varying", a), Char: (a) => sized("character", a),
  Uuid: () => "uuid", Xml: () => "xml", Inet: () => "inet", Citext: () => "citext",
  Bit: (a) => sized("bit", a), VarBit: (a) => sized("bit varying", a),
  Integer: () => "integer", SmallInt: () => "smallint", Oid: () => "oid", BigInt: () => "bigint",
  DoublePrecision: () => "double precision", Real: () => "real", Decimal: (a) => sized("numeric", a), Money: () => "money",
  Timestamp: (a) => `${sized("timestamp", a)} without time zone`, Timestamptz: (a) => `${sized("timestamp", a)} with time zone`,
  Time: (a) => `${sized("time", a)} without time zone`, Timetz: (a) => `${sized("time", a)} with time zone`, Date: () => "date",
  Boolean: () => "boolean", Json: () => "json", JsonB: () => "jsonb", ByteA: () => "bytea",
};
/** The native type Prisma Migrate uses when the schema names none. */
const DEFAULT_NATIVE: Record<string, [string, string[]]> = {
  String: ["Text", []], Int: ["Integer", []], BigInt: ["BigInt", []], Float: ["DoublePrecision", []],
  Decimal: ["Decimal", ["65", "30"]], DateTime: ["Timestamp", ["3"]], Boolean: ["Boolean", []],
  Json: ["JsonB", []], Bytes: ["ByteA", []],
};
const sized = (base: string, args: readonly string[]) => (args.length ? `${base}(${args.join(",")})` : base);

function columnType(field: TField, datamodel: TDatamodel): string {
  const list = field.isList ? "[]" : "";
  if (field.kind === "enum") return (enumOf(field, datamodel)?.dbName ?? field.type) + list;
  const [native, args] = field.nativeType ?? DEFAULT_NATIVE[field.type] ?? [field.type, []];
  const render = NATIVE_TYPES[native];
  return render ? render(args) + list : `unknown native type ${native} (teach lib/testing/schema-drift.ts)`;
}

const enumOf = (field: TField, datamodel: TDatamodel) => datamodel.enums.find((e) => e.name === field.type);
// Array.isArray does not narrow DMMF's readonly arrays.
const isScalarList = (d: unknown): d is ReadonlyArray<string | number | boolean> => Array.isArray(d);

/** The default the database should have, in normalizeDefault()'s form; null for none. */
function columnDefault(field: TField, datamodel: TDatamodel): string | null {
  const d = field.default;
  if (d === undefined) return null;
  // Enum defaults name the Prisma value; the database holds its @map name.
  const value = (v: string | number | boolean) => enumOf(field, datamodel)?.values.find((x) => x.name === v)?.dbName ?? String(v);
  if (isScalarList(d)) return `ARRAY[${d.map((v) => (typeof v === "string" ? `'${value(v).replaceAll("'", "''")}'` : value(v))).join(", ")}]`;
  if (typeof d !== "object") return value(d);
  switch (d.name) {
    case "now": return "now()";
    case "autoincrement": return "autoincrement()";
    case "dbgenerated": return d.args[0] === undefined ? "(any database default)" : normalizeDefault(String(d.args[0]));
    // Made by Prisma Client, not the database.
    case "uuid": case "cuid": case "nanoid": case "ulid": return null;
    default: return `unknown default ${d.name}() (teach lib/testing/schema-drift.ts)`;
  }
}

/** Prisma's default constraint names, shortened (keeping the suffix) to PostgreSQL's 63 bytes. */
function defaultName(table: string, columns: readonly string[], suffix: string): string {
  const prefix = [table, ...columns].join("_");
  return prefix.slice(0, 63 - suffix.length - 1) + "_" + suffix;
}

function expectedShape(datamodel: TDatamodel): TShape {
  const models = new Map(datamodel.models.map((m) => [m.name, m]));
  const fieldOf = (m: TModel, name: string) => m.fields.find((f) => f.name === name)!;
  const columns = datamodel.models.flatMap((m) =>
    m.fields.filter(isColumn).map((f) => ({
      table: tableOf(m),
      column: columnOf(f),
      type: columnType(f, datamodel),
      // Prisma Migrate creates scalar lists without NOT NULL (Prisma issue #26425).
      nullable: !f.isRequired || f.isList,
      default: columnDefault(f, datamodel),
    })),
  );
  const kinds = { id: "primary key", unique: "unique index", normal: "index" } as const;
  const suffixes = { id: "pkey", unique: "key", normal: "idx" } as const;
  const indexes = datamodel.indexes.flatMap((i): TIndex[] => {
    if (i.type === "fulltext") return []; // MySQL-only
    const m = models.get(i.model)!;
    const cols = i.fields.map((f) => columnOf(fieldOf(m, f.name)));
    return [{
      name: i.dbName ?? defaultName(tableOf(m), i.type === "id" ? [] : cols, suffixes[i.type]),
      table: tableOf(m),
      kind: kinds[i.type],
      columns: cols.map((c, n) => (i.fields[n]?.sortOrder === "desc" ? `${c} DESC` : c)),
      method: (i.algorithm ?? "BTree").toLowerCase(),
      partial: false,
    }];
  });
  const foreignKeys = datamodel.models.flatMap((m) =>
    m.fields
      .filter((f) => f.kind === "object" && f.relationFromFields?.length)
      .map((f) => {
        const target = models.get(f.type)!;
        return {
          table: tableOf(m),
          columns: f.relationFromFields!.map((n) => columnOf(fieldOf(m, n))),
          refTable: tableOf(target),
          refColumns: (f.relationToFields ?? []).map((n) => columnOf(fieldOf(target, n))),
          // DMMF omits referential actions left to Prisma's defaults.
          onDelete: f.relationOnDelete ?? (f.isRequired ? "Restrict" : "SetNull"),
          onUpdate: f.relationOnUpdate ?? "Cascade",
        };
      }),
  );
  const enums = new Map(datamodel.enums.map((e) => [e.dbName ?? e.name, e.values.map((v) => v.dbName ?? v.name)]));
  return { tables: datamodel.models.map(tableOf), columns, enums, indexes, foreignKeys };
}

// ---------------------------------------------------------------- the database's side

/** Strips casts and quotes so `'ru'::"Language"` reads `ru` and `CURRENT_TIMESTAMP` reads `now()`. */
function normalizeDefault(expression: string): string {
  let e = expression.trim();
  if (/^(CURRENT_TIMESTAMP|now\(\))$/i.test(e)) return "now()";
  if (/^nextval\(/i.test(e)) return "autoincrement()";
  const cast = /::("[^"]+"|[a-z_][a-z0-9_ ]*(\(\d+(,\s*\d+)?\))?( with(out)? time zone)?)(\[\])?/gi;
  if (e.startsWith("ARRAY[")) return e.replace(cast, "");
  e = e.replace(new RegExp(`(${cast.source})+$`, "i"), "");
  const quoted = /^'((?:[^']|'')*)'$/.exec(e);
  return quoted ? quoted[1]!.replaceAll("''", "'") : e;
}

async function introspect(client: pg.Client): Promise<TShape> {
  const tables = await client.query<{ name: string }>(
    `SELECT relname::text AS name FROM pg_class WHERE relnamespace = current_schema()::regnamespace AND relkind IN ('r', 'p')`,
  );
  const columns = await client.query<TColumn>(`
    SELECT c.relname::text AS table, a.attname::text AS column, NOT a.attnotnull AS nullable,
           CASE WHEN t.typtype = 'e' THEN t.typname::text
                WHEN et.typtype = 'e' THEN et.typname::text || '[]'
                ELSE format_type(a.atttypid, a.atttypmod) END AS type,
           pg_get_expr(d.adbin, d.adrelid) AS default
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid
    JOIN pg_type t ON t.oid = a.atttypid
    LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped`);
  const enums = await client.query<{ name: string; values: string[] }>(`
    SELECT t.typname::text AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
    WHERE t.typnamespace = current_schema()::regnamespace GROUP BY t.typname`);
  const indexes = await client.query<Omit<TIndex, "kind"> & { primary: boolean; unique: boolean }>(`
    SELECT i.relname::text AS name, c.relname::text AS table, x.indisprimary AS primary, x.indisunique AS unique,
           am.amname::text AS method, x.indpred IS NOT NULL AS partial,
           ARRAY(SELECT pg_get_indexdef(x.indexrelid, k, true) || CASE WHEN x.indoption[k - 1] & 1 = 1 THEN ' DESC' ELSE '' END
                 FROM generate_series(1, x.indnkeyatts) k ORDER BY k) AS columns
    FROM pg_index x
    JOIN pg_class i ON i.oid = x.indexrelid
    JOIN pg_class c ON c.oid = x.indrelid
    JOIN pg_am am ON am.oid = i.relam
    WHERE c.relnamespace = current_schema()::regnamespace`);
  const keys = await client.query<TForeignKey>(`
    SELECT c.relname::text AS table, r.relname::text AS "refTable", k.confdeltype AS "onDelete", k.confupdtype AS "onUpdate",
           ARRAY(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY u(n, i)
                 JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.i) AS columns,
           ARRAY(SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY u(n, i)
                 JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n ORDER BY u.i) AS "refColumns"
    FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class r ON r.oid = k.confrelid
    WHERE k.contype = 'f' AND c.relnamespace = current_schema()::regnamespace`);
  const actions: Record<string, string> = { a: "NoAction", r: "Restrict", c: "Cascade", n: "SetNull", d: "SetDefault" };
  const unquote = (c: string) => c.replace(/^"(.*)"( DESC)?$/, (_, name: string, desc = "") => name.replaceAll('""', '"') + desc);
  return {
    tables: tables.rows.map((t) => t.name).filter((t) => !IGNORED_TABLES.has(t)),
    columns: columns.rows.map((c) => ({ ...c, default: c.default === null ? null : normalizeDefault(c.default) })),
    enums: new Map(enums.rows.map((e) => [e.name, e.values])),
    indexes: indexes.rows.map(({ primary, unique, ...i }) => ({
      ...i,
      kind: primary ? "primary key" : unique ? "unique index" : "index",
      columns: i.columns.map(unquote),
    })),
    foreignKeys: keys.rows.map((k) => ({ ...k, onDelete: actions[k.onDelete]!, onUpdate: actions[k.onUpdate]! })),
  };
}

// ---------------------------------------------------------------- the comparison

const q = (name: string) => `"${name}"`;
const list = (names: readonly string[]) => names.map(q).join(", ");
const describeIndex = (i: TIndex) => `${i.kind} ${q(i.name)} on ${q(i.table)}(${list(i.columns)})`;
const describeKey = (k: TForeignKey) => `foreign key ${q(k.table)}(${list(k.columns)})`;

/** Literal defaults are compared as values, so `1.50` matches 1.5 and timestamp spellings agree. */
function sameDefault(type: string, expected: string, actual: string): boolean {
  if (expected === actual || expected === "(any database default)") return true;
  if (/^(numeric|double|real|integer|bigint|smallint)/.test(type)) return Number(expected) === Number(actual);
  if (/^timestamp/.test(type)) return toTime(expected) === toTime(actual) && !Number.isNaN(toTime(expected));
  if (/^jsonb?$/.test(type)) return jsonEqual(expected, actual);
  return false;
}
const toTime = (s: string) => Date.parse(/[zZ]|[+-]\d\d(:?\d\d)?$/.test(s) ? s.replace(" ", "T").replace(/([+-]\d\d)$/, "$1:00") : `${s.replace(" ", "T")}Z`);
function jsonEqual(a: string, b: string): boolean {
  // jsonb reorders keys, so compare with keys sorted.
  const sorted = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sorted)
    : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).sort().map(([k, x]) => [k, sorted(x)]))
    : v;
  try {
    return JSON.stringify(sorted(JSON.parse(a))) === JSON.stringify(sorted(JSON.parse(b)));
  } catch {
    return false;
  }
}

function compareColumn(e: TColumn, a: TColumn): string[] {
  const where = `column ${q(e.table)}.${q(e.column)}`;
  const problems: string[] = [];
  if (e.type !== a.type) problems.push(`${where}: schema says type ${e.type}, database has ${a.type}`);
  if (e.nullable !== a.nullable) {
    problems.push(`${where}: schema says ${e.nullable ? "NULL allowed" : "NOT NULL"}, database ${a.nullable ? "allows NULL" : "has NOT NULL"}`);
  }
  const shown = (d: string | null) => (d === null ? "no default" : `default ${d}`);
  if (e.default === null ? a.default !== null : a.default === null || !sameDefault(a.type, e.default, a.default)) {
    problems.push(`${where}: schema says ${shown(e.default)}, database has ${shown(a.default)}`);
  }
  return problems;
}

function compareIndexes(expected: TIndex[], actual: TIndex[]): string[] {
  const problems: string[] = [];
  const unmatched = new Set(actual);
  const sameShape = (e: TIndex, a: TIndex) => e.table === a.table && e.kind === a.kind && e.columns.join() === a.columns.join();
  for (const e of expected) {
    const a = [...unmatched].find((x) => x.name === e.name) ?? [...unmatched].find((x) => sameShape(e, x));
    if (!a) {
      problems.push(`${describeIndex(e)}: declared in the schema, missing from the database`);
      continue;
    }
    unmatched.delete(a);
    const differences = [
      a.name !== e.name && `it is named ${q(a.name)}`,
      (a.table !== e.table || a.kind !== e.kind || a.columns.join() !== e.columns.join()) && `it is ${describeIndex(a)}`,
      a.method !== e.method && `it uses ${a.method}, not ${e.method}`,
      a.partial && "it is partial (WHERE ...)",
    ].filter((d): d is string => Boolean(d));
    if (differences.length) problems.push(`${describeIndex(e)}: in the database ${differences.join("; ")}`);
  }
  for (const a of unmatched) problems.push(`${describeIndex(a)}: in the database, not in the schema`);
  return problems;
}

function compareForeignKeys(expected: TForeignKey[], actual: TForeignKey[]): string[] {
  const problems: string[] = [];
  const unmatched = new Set(actual);
  const target = (k: TForeignKey) => `${q(k.refTable)}(${list(k.refColumns)}) ON DELETE ${k.onDelete} ON UPDATE ${k.onUpdate}`;
  // Matched by columns: DMMF does not expose @relation(map: ...), so names cannot be checked.
  for (const e of expected) {
    const a = [...unmatched].find((x) => x.table === e.table && x.columns.join() === e.columns.join());
    if (!a) {
      problems.push(`${describeKey(e)}: declared in the schema, missing from the database`);
      continue;
    }
    unmatched.delete(a);
    if (target(a) !== target(e)) problems.push(`${describeKey(e)}: schema says ${target(e)}, database has ${target(a)}`);
  }
  for (const a of unmatched) problems.push(`${describeKey(a)} -> ${target(a)}: in the database, not in the schema`);
  return problems;
}

function compareShapes(expected: TShape, actual: TShape): string[] {
  const problems: string[] = [];
  for (const [name, values] of expected.enums) {
    const found = actual.enums.get(name);
    if (!found) problems.push(`enum ${q(name)}: declared in the schema, missing from the database`);
    else if (found.join() !== values.join()) problems.push(`enum ${q(name)}: schema says (${values}), database has (${found})`);
  }
  for (const name of actual.enums.keys()) {
    if (!expected.enums.has(name)) problems.push(`enum ${q(name)}: in the database, not in the schema`);
  }
  for (const t of expected.tables) if (!actual.tables.includes(t)) problems.push(`table ${q(t)}: declared in the schema, missing from the database`);
  for (const t of actual.tables) if (!expected.tables.includes(t)) problems.push(`table ${q(t)}: in the database, not in the schema`);
  // Below, only tables on both sides: a missing table is one problem, not one per column.
  const shared = (x: { table: string }) => expected.tables.includes(x.table) && actual.tables.includes(x.table);
  const key = (c: TColumn) => `${c.table}.${c.column}`;
  const actualColumns = new Map(actual.columns.filter(shared).map((c) => [key(c), c]));
  for (const e of expected.columns.filter(shared)) {
    const a = actualColumns.get(key(e));
    if (!a) problems.push(`column ${q(e.table)}.${q(e.column)}: declared in the schema, missing from the database`);
    else problems.push(...compareColumn(e, a));
    actualColumns.delete(key(e));
  }
  for (const a of actualColumns.values()) problems.push(`column ${q(a.table)}.${q(a.column)}: in the database, not in the schema`);
  problems.push(...compareIndexes(expected.indexes.filter(shared), actual.indexes.filter(shared)));
  problems.push(...compareForeignKeys(expected.foreignKeys.filter(shared), actual.foreignKeys.filter(shared)));
  return problems;
}
