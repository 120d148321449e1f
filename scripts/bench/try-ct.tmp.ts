import pg from "pg";
import { ZQuestionnaire } from "@/lib/instrument/definition";
import { crossTabSql, heatmapSql } from "@/lib/aggregates/query";
import { combineVersions } from "@/lib/aggregates/shape";
async function main() {
  const pool = new pg.Pool({ connectionString: process.argv[2], max: 1 });
  const { rows: insts } = await pool.query(`SELECT i.id, v.id AS vid, v.content FROM "Instrument" i JOIN "InstrumentVersion" v ON v."instrumentId" = i.id JOIN "Study" s ON s.id = i."studyId" WHERE v.status='PUBLISHED' AND s.slug LIKE 'bench-eaeu%'`);
  const inst = insts[0];
  const scope = { instrumentId: inst.id, versions: [{ id: inst.vid, q: ZQuestionnaire.parse(inst.content) }] };
  const items = combineVersions(scope.versions).map((c) => c.item);
  const pair = items.find((i) => i.type === "matrix" && i.pairsOf)!;
  for (const sql of [crossTabSql(scope, { includeInProgress: false }, items.find((i) => i.code === "Q2")!, "country"), heatmapSql(scope, { includeInProgress: false }, pair as never)]) {
    const c = await pool.connect();
    await c.query("BEGIN"); await c.query("SET LOCAL jit = off");
    const times = [];
    for (let i = 0; i < 5; i++) { const t = performance.now(); await c.query(sql.text, sql.values); times.push((performance.now() - t).toFixed(0)); }
    const plan = (await c.query("EXPLAIN " + sql.text, sql.values)).rows.map((r) => r["QUERY PLAN"]).filter((l: string) => /Scan|Join|Loop/.test(l)).join("\n");
    console.log(times.join(" "), "\n", plan);
    await c.query("COMMIT"); c.release();
  }
  await pool.end();
}
main();
