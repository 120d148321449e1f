import pg from "pg";
import { createPrismaClient } from "@/lib/db/client";
import { ZQuestionnaire } from "@/lib/instrument/definition";
import { checkResponse } from "@/lib/instrument/answers";
import { eaeuQuestionnaire } from "@/prisma/seed/eaeu/questionnaire";
import { migrate } from "../db/migrate";
import { benchQuestionnaire, createBenchStudy } from "./fixtures";
import { seedBulkResponses } from "./bulk-seed";

async function main() {
  const url = process.argv[2]!;
  const count = Number(process.argv[3] ?? 500);
  await migrate(url);
  const prisma = createPrismaClient({ url, max: 4, connectionTimeoutMs: 10000, statementTimeoutMs: 600000 });
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  for (const [label, q] of [["eaeu", ZQuestionnaire.parse(eaeuQuestionnaire)], ["b60", benchQuestionnaire(60)]] as const) {
    const study = await createBenchStudy(prisma, label, q);
    const r = await seedBulkResponses(pool, { studyId: study.studyId, count });
    console.log(label, r, (r.answers / r.seconds).toFixed(0), "answers/s");
    const { rows } = await pool.query(`SELECT a."responseId", jsonb_object_agg(a."itemCode", a.value) AS answers FROM "Answer" a JOIN "Response" r ON r.id = a."responseId" WHERE r."instrumentId" = $1 GROUP BY 1`, [study.instrumentId]);
    let bad = 0;
    for (const row of rows) { const p = checkResponse(q, row.answers).problems; if (p.length) { bad++; if (bad < 4) console.log(JSON.stringify(p).slice(0, 400)); } }
    console.log(label, "responses checked", rows.length, "with problems", bad);
  }
  await pool.end(); await prisma.$disconnect();
}
main().catch((e) => { console.error(e); process.exit(1); });
