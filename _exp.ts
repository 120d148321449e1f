import pg from "pg";
import { createPrismaClient } from "@/lib/db/client";
import { ZQuestionnaire } from "@/lib/instrument/definition";
import { eaeuQuestionnaire } from "@/prisma/seed/eaeu/questionnaire";
import { seedBulkResponses } from "@/scripts/bench/bulk-seed";
import { createBenchStudy } from "@/scripts/bench/fixtures";
import { loadExportContext, pgSql } from "@/lib/exports/data";
import { WRITERS } from "@/lib/exports/formats";
import { ensureDatabase, dropDatabase, withDatabase } from "@/scripts/db/embedded";
import { migrate } from "@/scripts/db/migrate";
const server = "postgresql://postgres@127.0.0.1:5432/postgres";
const name = `exp_${Date.now()}`;
const mem = (l: string) => { (globalThis as any).gc?.(); const m = process.memoryUsage(); console.log(l, "rss", (m.rss/1e6).toFixed(0), "heapUsed", (m.heapUsed/1e6).toFixed(0), "heapTotal", (m.heapTotal/1e6).toFixed(0)); };
(async () => {
  await ensureDatabase(server, name); const url = withDatabase(server, name); await migrate(url);
  const prisma = createPrismaClient({ url, max: 2, connectionTimeoutMs: 5000, statementTimeoutMs: 600000 });
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  try {
    const study = await createBenchStudy(prisma, "exp", ZQuestionnaire.parse(eaeuQuestionnaire));
    await seedBulkResponses(pool, { studyId: study.studyId, count: Number(process.env.N ?? 20000) });
    const ctx = (await loadExportContext(prisma, study.studyId))!;
    mem("start");
    for (const f of ["wide.csv", "data.sav"] as const) {
      let peak = 0; const t = performance.now(); let bytes = 0;
      for await (const c of WRITERS[f](pgSql(pool), ctx, "en")) { bytes += c.length; peak = Math.max(peak, process.memoryUsage().rss); }
      console.log(f, ((performance.now() - t)/1000).toFixed(2), "s", bytes, "peak rss", (peak/1e6).toFixed(0));
      mem("after " + f);
    }
  } finally { await pool.end(); await prisma.$disconnect(); await dropDatabase(server, name); }
})();
