import pg from "pg";
import { ZQuestionnaire } from "@/lib/instrument/definition";
import { summarySql } from "@/lib/aggregates/query";
import { combineVersions } from "@/lib/aggregates/shape";
async function main() {
  const pool = new pg.Pool({ connectionString: process.argv[2], max: 1 });
  const { rows: insts } = await pool.query(`SELECT i.id, v.id AS vid, v.content FROM "Instrument" i JOIN "InstrumentVersion" v ON v."instrumentId" = i.id JOIN "Study" s ON s.id = i."studyId" WHERE v.status='PUBLISHED' AND s.slug LIKE 'bench-eaeu%'`);
  const inst = insts[0];
  const scope = { instrumentId: inst.id, versions: [{ id: inst.vid, q: ZQuestionnaire.parse(inst.content) }] };
  const sql = summarySql(scope, { includeInProgress: false }, combineVersions(scope.versions).map((c) => c.item));
  for (const extra of [[], ["SET LOCAL enable_nestloop = off"]]) {
    for (let i = 0; i < 3; i++) {
      const c = await pool.connect();
      await c.query("BEGIN"); await c.query("SET LOCAL jit = off"); await c.query("SET LOCAL work_mem = '64MB'");
      for (const s of extra) await c.query(s);
      const t = performance.now(); await c.query(sql.text, sql.values); console.log(extra.join() || "default", (performance.now() - t).toFixed(0), "ms");
      await c.query("COMMIT"); c.release();
    }
  }
  await pool.end();
}
main();
