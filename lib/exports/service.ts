import "server-only";
import pg from "pg";
import { recordAudit } from "@/lib/audit/record";
import { assertRole } from "@/lib/auth/roles";
import { coordinatedBy } from "@/lib/study/access";
import type { TActor } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { loadExportContext, pgSql } from "@/lib/exports/data";
import { env } from "@/lib/env";
import { CONTENT_TYPES, WRITERS, toWebStream, type TExportFormat } from "@/lib/exports/formats";
import type { TLang } from "@/lib/i18n/text";
import { assertId } from "@/lib/http/input";
import { log } from "@/lib/log";

const globalForExports = globalThis as unknown as { exportPool?: pg.Pool };

/** A small pool of plain pg connections for reading exports (two at most: exports are rare and long). */
function exportPool(): pg.Pool {
  if (!globalForExports.exportPool) {
    const e = env();
    globalForExports.exportPool = new pg.Pool({
      connectionString: e.DATABASE_URL,
      max: 2,
      connectionTimeoutMillis: e.DB_POOL_TIMEOUT_MS,
      idleTimeoutMillis: 30_000,
      statement_timeout: e.DB_STATEMENT_TIMEOUT_MS,
      application_name: "expert-panel-export",
    });
  }
  return globalForExports.exportPool;
}

export type TExportFile = { filename: string; contentType: string; body: ReadableStream<Uint8Array> };

/**
 * A data export of a study's questionnaire responses, for coordinators only. The download is
 * recorded in the audit log ("export.<format>") before the first byte is sent; the body streams
 * from the database in batches. `wave`: one wave's number, "all" (a row per expert and wave), or the
 * latest when absent. With more than one wave, the file name says which.
 */
export async function exportStudyData(actor: TActor, studyId: string, format: TExportFormat, lang: TLang, wave?: number | "all"): Promise<TExportFile> {
  assertRole(actor, "COORDINATOR");
  assertId(studyId, "The study");
  const ctx = await loadExportContext(db(), studyId, coordinatedBy(actor), wave);
  if (!ctx) throw notFound("The study's questionnaire");
  await recordAudit(db(), {
    actorId: actor.userId,
    action: `export.${format}`,
    entity: "Study",
    entityId: studyId,
    after: { format, lang, instrumentId: ctx.instrument.id, versions: ctx.versions.map((v) => v.number), waves: ctx.waves.map((w) => w.number) },
  });
  const body = toWebStream(WRITERS[format](pgSql(exportPool()), ctx, lang), (error) =>
    log.error({ event: "export.failed", format, studyId, err: error instanceof Error ? { name: error.name, message: error.message } : String(error) }, "export failed"),
  );
  const [base, extension] = format.split(".");
  const waves = ctx.allWaves.length <= 1 || format === "codebook.json" ? "" : wave === "all" ? "-all-waves" : `-wave${ctx.waves[0]?.number ?? 1}`;
  return { filename: `${ctx.study.slug}-${base}${waves}${format === "data.sav" ? `-${lang}` : ""}.${extension}`, contentType: CONTENT_TYPES[format], body };
}
