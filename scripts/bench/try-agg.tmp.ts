import pg from "pg";
import { ZQuestionnaire } from "@/lib/instrument/definition";
import { summarySql, crossTabSql, heatmapSql } from "@/lib/aggregates/query";
import { combineVersions, shapeSummary } from "@/lib/aggregates/shape";
import { suppressSummary } from "@/lib/aggregates/suppress";

async function main() {
  const pool = new pg.Pool({ connectionString: process.argv[2] });
  const { rows: insts } = await pool.query(`SELECT i.id, v.id AS vid, v.content, s.slug FROM "Instrument" i JOIN "InstrumentVersion" v ON v."instrumentId" = i.id JOIN "Study" s ON s.id = i."studyId" WHERE v.status='PUBLISHED'`);
  for (const inst of insts) {
    const scope = { instrumentId: inst.id, versions: [{ id: inst.vid, q: ZQuestionnaire.parse(inst.content) }] };
    const items = combineVersions(scope.versions);
    const sql = summarySql(scope, { includeInProgress: false }, items.map((c) => c.item));
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      const res = await pool.query(sql.text, sql.values);
      console.log(inst.slug, "summary rows", res.rows.length, (performance.now() - t).toFixed(0), "ms");
      if (i === 2) {
        const s = suppressSummary(shapeSummary(items, res.rows, "en", 3), 3);
        console.log(JSON.stringify(s.items.slice(0, 6)).slice(0, 3000));
      }
    }
    const pair = items.find((c) => c.item.type === "matrix" && c.item.pairsOf);
    if (pair && pair.item.type === "matrix") {
      const h = heatmapSql(scope, { includeInProgress: false }, pair.item);
      const t = performance.now(); const r = await pool.query(h.text, h.values); console.log("heatmap", r.rows.length, (performance.now() - t).toFixed(0), "ms", JSON.stringify(r.rows.slice(0, 2)));
    }
    const single = items.find((c) => c.item.type === "single")!;
    const c = crossTabSql(scope, { includeInProgress: false }, single.item, "country");
    const t = performance.now(); const r = await pool.query(c.text, c.values); console.log("crosstab", r.rows.length, (performance.now() - t).toFixed(0), "ms");
  }
  await pool.end();
}
main().catch((e) => { console.error(e); process.exit(1); });
