import { once } from "node:events";
import { setImmediate } from "node:timers/promises";
import { PassThrough } from "node:stream";
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { BATCH_SIZE, answerMap, responses, textWidths, type TExportContext, type TSql } from "@/lib/exports/data";
import { CANNOT_ASSESS, NOT_ANSWERED, answerText, waveLabel, type TBilingual, type TCell } from "@/lib/exports/layout";
import { createSav } from "@/lib/exports/sav";
import type { TLang } from "@/lib/i18n/text";
import { guardCell } from "@/lib/csv/guard";

/**
 * The export formats, each an async generator of file chunks of about CHUNK_SIZE: a consumer that
 * stops pulling stops the reading of the database, and memory holds a batch of responses' text and
 * one chunk at a time.
 */

export type TChunks = AsyncGenerator<Uint8Array | string>;
export const EXPORT_FORMATS = ["wide.csv", "long.csv", "data.xlsx", "data.sav", "codebook.json"] as const;
export type TExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<TExportFormat, string> = {
  "wide.csv": "text/csv; charset=utf-8",
  "long.csv": "text/csv; charset=utf-8",
  "data.xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "data.sav": "application/x-spss-sav",
  "codebook.json": "application/json; charset=utf-8",
};

/** A cell as csv-stringify writes it (quoted only when it holds a quote, comma or line break), formula-guarded. */
function csvCell(c: TCell): string {
  if (c === null) return "";
  if (typeof c === "number") return String(c);
  const s = guardCell(c);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * CSV lines (CRLF). The wide file has millions of cells and csv-stringify spends ten times longer
 * per cell than this; formats.test.ts checks that both write the same bytes.
 */
const csvLine = (cells: TCell[]) => cells.map(csvCell).join(",") + "\r\n";
export const csv = (rows: TCell[][]) => rows.map(csvLine).join("");
export const csvReference = (rows: TCell[][]) =>
  stringify(rows.map((r) => r.map((c) => (typeof c === "string" ? guardCell(c) : c === null ? "" : c))), { record_delimiter: "windows" });
const BOM = "\ufeff";

/**
 * Characters (CSV) or bytes (SPSS) a writer collects before handing them on: large enough for few
 * socket writes, small enough to stay out of V8's large-object space (strings over ~128 KB).
 */
const CHUNK_SIZE = 32 * 1024;

/** One row per response, one column per variable (see layout.ts). UTF-8 with a byte order mark. */
export async function* wideCsv(sql: TSql, ctx: TExportContext): TChunks {
  let out = BOM + csvLine(ctx.layout.variables.map((v) => v.name));
  for await (const r of responses(sql, ctx)) {
    out += csvLine(ctx.layout.row(r.meta, answerMap(r.answers)));
    if (out.length >= CHUNK_SIZE) {
      yield out;
      out = "";
    }
  }
  yield out;
}

export const LONG_COLUMNS = ["pseudonym", "wave", "country", "expert_group", "status", "version", "item", "item_type", "value", "other", "answered_at"];

/**
 * One row per stored answer, in questionnaire order: option codes as the questionnaire names them,
 * several joined with ";". The response's cells and each item's are formatted once, not per line.
 */
export async function* longCsv(sql: TSql, ctx: TExportContext): TChunks {
  const items = new Map(ctx.layout.items.map((item, index) => [item.code, { index, cells: `${csvCell(item.code)},${csvCell(item.type)},`, rows: item.rows.map((r) => r.code) }]));
  const position = (code: string) => items.get(code)?.index ?? items.size;
  let out = BOM + csvLine(LONG_COLUMNS);
  for await (const { meta: m, answers } of responses(sql, ctx, { answeredAt: true })) {
    const response = `${csvLine([m.pseudonym, m.wave, m.country, m.expertGroup, m.status, m.version]).slice(0, -2)},`;
    answers.sort(([a], [b]) => position(a) - position(b) || a.localeCompare(b));
    for (const [code, stored, answeredAt] of answers) {
      const known = items.get(code);
      const { value, other } = answerText(stored, known?.rows);
      out += `${response}${known?.cells ?? `${csvCell(code)},,`}${csvCell(value)},${csvCell(other)},${csvCell(answeredAt!)}\r\n`;
    }
    if (out.length >= CHUNK_SIZE) {
      yield out;
      out = "";
    }
  }
  yield out;
}

const MISSING_NOTE: TBilingual = { ru: "пропуск (missing)", en: "missing" };

/**
 * XLSX through exceljs's streaming writer: the data sheet, then the variable labels (with the
 * differences between versions) and the value labels. Strings are written as strings, so text such
 * as "=cmd|..." stays text and is never a formula.
 */
export async function* xlsx(sql: TSql, ctx: TExportContext): TChunks {
  const pass = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: pass, useStyles: false, useSharedStrings: false });
  /**
   * Waits while the reader is behind; gives up when the reader went away. exceljs hands the sheet's
   * XML to the zip compressor without waiting for it, so each row first lets the event loop run the
   * compressor's completions (otherwise tens of MB of XML queue up in front of it).
   */
  const drain = async () => {
    await setImmediate();
    if (pass.writableNeedDrain) await Promise.race([once(pass, "drain"), once(pass, "close")]);
    if (pass.destroyed) throw new Error("The download was cancelled.");
  };
  const writing = (async () => {
    const data = workbook.addWorksheet("data");
    data.addRow(ctx.layout.variables.map((v) => v.name)).commit();
    // exceljs spends ~4× longer per response than the CSV writers: smaller batches keep the waiting
    // responses' text young enough to be collected before it reaches the old generation.
    for await (const r of responses(sql, ctx, { batchSize: BATCH_SIZE / 4 })) {
      data.addRow(ctx.layout.row(r.meta, answerMap(r.answers))).commit();
      await drain();
    }
    data.commit();
    const items = new Map(ctx.layout.items.map((i) => [i.code, i]));
    const labels = workbook.addWorksheet("variable labels");
    labels.addRow(["variable", "label_ru", "label_en", "item", "item_type", "versions", "differences_between_versions"]).commit();
    for (const v of ctx.layout.variables) {
      const item = v.item ? items.get(v.item) : undefined;
      labels.addRow([v.name, v.label.ru, v.label.en, v.item ?? "", item?.type ?? "", item?.versions.join(", ") ?? "", item?.differences.join("; ") ?? ""]).commit();
    }
    labels.commit();
    const values = workbook.addWorksheet("value labels");
    values.addRow(["variable", "value", "label_ru", "label_en", "missing"]).commit();
    for (const v of ctx.layout.variables) {
      for (const l of v.valueLabels) {
        const missing = v.missing.includes(l.value);
        values.addRow([v.name, l.value, l.label.ru, l.label.en, missing ? MISSING_NOTE.en : ""]).commit();
      }
      await drain();
    }
    values.commit();
    await workbook.commit();
  })();
  writing.catch((error: unknown) => pass.destroy(error instanceof Error ? error : new Error(String(error))));
  for await (const chunk of pass) yield chunk as Buffer;
  await writing;
}

/** SPSS system file: labels in one language, "cannot assess" and "not answered" declared missing, strings as wide as the longest answer. */
export async function* sav(sql: TSql, ctx: TExportContext, lang: TLang): TChunks {
  const widths = await textWidths(sql, ctx.instrument.id);
  const fixedWidths: Record<string, number> = { country: 8, expert_group: 16, status: 16 };
  const { header, encoder } = createSav(
    ctx.layout.variables.map((v) => ({
      name: v.name,
      label: v.label[lang],
      kind: v.kind,
      width: v.kind === "string" ? (fixedWidths[v.name] ?? Math.max(8, widths.get(v.name) ?? widths.get(`${v.item}_other`) ?? 8)) : undefined,
      valueLabels: v.valueLabels.map((l) => ({ value: l.value, label: l.label[lang] })),
      missing: v.missing,
    })),
    { fileLabel: lang === "ru" ? ctx.study.titleRu : ctx.study.titleEn },
  );
  yield header;
  for await (const r of responses(sql, ctx)) {
    encoder.encode(ctx.layout.row(r.meta, answerMap(r.answers)));
    if (encoder.size >= CHUNK_SIZE) yield encoder.take();
  }
  yield encoder.end();
}

/** The codebook: every item across versions with its options, numeric codes, variables and labels in both languages. */
export async function* codebook(_sql: TSql, ctx: TExportContext): TChunks {
  const byName = new Map(ctx.layout.variables.map((v) => [v.name, v]));
  const body = {
    study: { slug: ctx.study.slug, title: { ru: ctx.study.titleRu, en: ctx.study.titleEn } },
    instrument: ctx.instrument.name,
    waves: ctx.waves.map((w) => ({ number: w.number, kind: w.kind, label: waveLabel(w) })),
    versions: ctx.versions.map((v) => ({ number: v.number, publishedAt: v.publishedAt?.toISOString() ?? null })),
    missingCodes: { cannotAssess: CANNOT_ASSESS, notAnswered: NOT_ANSWERED },
    responseVariables: ctx.layout.variables.filter((v) => !v.item).map((v) => ({ name: v.name, label: v.label, kind: v.kind })),
    items: ctx.layout.items.map((i) => ({
      ...i,
      variables: i.variables.map((name) => {
        const v = byName.get(name)!;
        return { name, label: v.label, kind: v.kind, valueLabels: v.valueLabels, missing: v.missing };
      }),
    })),
  };
  yield JSON.stringify(body, null, 2);
}

export const WRITERS: Record<TExportFormat, (sql: TSql, ctx: TExportContext, lang: TLang) => TChunks> = {
  "wide.csv": wideCsv,
  "long.csv": longCsv,
  "data.xlsx": xlsx,
  "data.sav": sav,
  "codebook.json": codebook,
};

/** A web stream that pulls the next chunk only when the reader asks for it. */
export function toWebStream(chunks: TChunks, onError?: (error: unknown) => void): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(typeof value === "string" ? encoder.encode(value) : new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
      } catch (error) {
        onError?.(error);
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
