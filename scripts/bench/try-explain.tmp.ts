import pg from "pg";
import { ZQuestionnaire } from "@/lib/instrument/definition";
import { summarySql } from "@/lib/aggregates/query";
import { combineVersions } from "@/lib/aggregates/shape";
async function main() {
  const pool = new pg.Pool({ connectionString: process.argv[2] });
  const { rows: insts } = await pool.query(`SELECT i.id, v.id AS vid, v.content, s.slug FROM "Instrument" i JOIN "InstrumentVersion" v ON v."instrumentId" = i.id JOIN "Study" s ON s.id = i."studyId" WHERE v.status='PUBLISHED' AND s.slug LIKE $1`, [process.argv[3]]);
  const inst = insts[0];
  const scope = { instrumentId: inst.id, versions: [{ id: inst.vid, q: ZQuestionnaire.parse(inst.content) }] };
  const items = combineVersions(scope.versions);
  const sql = summarySql(scope, { includeInProgress: false }, items.map((c) => c.item));
  const res = await pool.query("EXPLAIN (ANALYZE, BUFFERS) " + sql.text, sql.values);
  console.log(res.rows.map((r) => r["QUERY PLAN"]).join("\n"));
  await pool.end();
}
main();
