import { spawnSync } from "node:child_process";
import { createWriteStream, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { createPrismaClient } from "@/lib/db/client";
import { ZQuestionnaire } from "@/lib/instrument/definition";
import { createStaffAccount } from "@/lib/users/accounts";
import { eaeuQuestionnaire } from "@/prisma/seed/eaeu/questionnaire";
import { seedBulkResponses } from "./bulk-seed";
import { encode } from "next-auth/jwt";
import { SESSION_COOKIE_MAX_AGE_SECONDS } from "@/lib/auth/session-policy";
import { createSession } from "@/lib/auth/sessions";
import { createBenchStudy, SESSION_COOKIE } from "./fixtures";
import { int, markdownTable } from "./stats";
import type { TBenchContext, TBenchmark, TCheck, TReport } from "./types";

/**
 * Benchmark 3 of issue 8, "Exports": 20,000 submitted responses to the EAEU questionnaire (made by
 * bulk-seed.ts), each export downloaded over HTTP from the production server as a coordinator.
 * Per format: time to the last byte, and the peak RSS of the app server (the largest process of the
 * `next start` tree, i.e. the one serving requests; sampled from /proc every 20 ms during the download). Baseline in the same run: a bare
 * `COPY (the same answers joined to their responses and experts) TO STDOUT`, which is what
 * PostgreSQL alone needs to hand over the rows. Each file is checked: CSV line counts, the XLSX zip
 * signature, and the .sav read by GNU PSPP (when installed) with 20,000 cases.
 */

const RESPONSES = Number(process.env.BENCH_EXPORT_RESPONSES ?? 20_000);
const FORMATS = ["wide.csv", "long.csv", "data.xlsx", "data.sav"] as const;
const TARGETS = { csvSeconds: 10, peakRssMb: 300 };
const SAMPLE_MS = 20;

/** RSS of the largest process in a process tree (the server that does the work), in bytes. */
function treeRss(pid: number): number {
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      const status = readFileSync(`/proc/${p}/status`, "utf8");
      total = Math.max(total, Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024);
      for (const task of readdirSync(`/proc/${p}/task`)) {
        const children = readFileSync(`/proc/${p}/task/${task}/children`, "utf8").trim();
        if (children) stack.push(...children.split(/\s+/).map(Number));
      }
    } catch {
      // The process ended while we looked.
    }
  }
  return total;
}

type TDownload = { format: string; seconds: number; bytes: number; peakRss: number; rssBefore: number; status: number; type: string; file: string };

async function download(url: string, cookie: string, pid: number, file: string, format: string): Promise<TDownload> {
  const rssBefore = treeRss(pid);
  let peakRss = rssBefore;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, treeRss(pid))), SAMPLE_MS);
  const started = performance.now();
  try {
    const res = await fetch(url, { headers: { cookie } });
    const out = createWriteStream(file);
    let bytes = 0;
    const reader = res.body!.getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      if (!out.write(value)) await new Promise<void>((r) => out.once("drain", () => r()));
    }
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
    const seconds = (performance.now() - started) / 1000;
    peakRss = Math.max(peakRss, treeRss(pid));
    return { format, seconds, bytes, peakRss, rssBefore, status: res.status, type: res.headers.get("content-type") ?? "", file };
  } finally {
    clearInterval(sampler);
  }
}

/** A bare COPY of the answers with their response and expert columns; returns seconds and bytes. */
async function copyBaseline(databaseUrl: string, instrumentId: string): Promise<{ seconds: number; bytes: number }> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "expert-panel-bench" });
  await client.connect();
  try {
    const sql = `COPY (SELECT e."pseudonym", e."country", e."expertGroup", r."status", v."number", r."startedAt", r."updatedAt", r."submittedAt", a."itemCode", a."value"
                         FROM "Answer" a JOIN "Response" r ON r."id" = a."responseId" JOIN "Expert" e ON e."id" = r."expertId"
                         JOIN "InstrumentVersion" v ON v."id" = r."versionId"
                        WHERE r."instrumentId" = '${instrumentId}' ORDER BY e."pseudonym", a."itemCode") TO STDOUT WITH (FORMAT csv)`;
    const started = performance.now();
    const bytes = await new Promise<number>((resolve, reject) => {
      let n = 0;
      // A minimal pg "submittable" for COPY TO STDOUT (what pg-copy-streams does), counting bytes.
      const copy = {
        submit: (connection: { query: (text: string) => void }) => connection.query(sql),
        handleCopyData: (msg: { chunk: Buffer }) => void (n += msg.chunk.length),
        handleCommandComplete: () => {},
        handleReadyForQuery: () => resolve(n),
        handleError: (error: Error) => reject(error),
      };
      void client.query(copy as never);
    });
    return { seconds: (performance.now() - started) / 1000, bytes };
  } finally {
    await client.end();
  }
}

function countLines(file: string): number {
  const text = readFileSync(file, "utf8");
  let n = 0;
  for (let i = text.indexOf("\r\n"); i !== -1; i = text.indexOf("\r\n", i + 2)) n++;
  return n;
}

/** Cases in the .sav as GNU PSPP reads them, or null when PSPP is not installed. */
function psppCases(file: string, dir: string): { cases: number | null; error: string | null } {
  if (spawnSync("pspp", ["--version"]).status !== 0) return { cases: null, error: "pspp not installed" };
  const syntax = path.join(dir, "check.sps");
  const out = path.join(dir, "check.csv");
  writeFileSync(syntax, `GET FILE='${file}'.\nDESCRIPTIVES /VARIABLES=pseudonym.\n`);
  const run = spawnSync("pspp", ["-o", out, syntax], { encoding: "utf8" });
  const text = (() => {
    try {
      return readFileSync(out, "utf8");
    } catch {
      return "";
    }
  })();
  if (run.status !== 0 || /error:/i.test(text)) return { cases: null, error: `${run.stderr}${text}`.slice(0, 500) };
  const line = text.split("\n").find((l) => l.startsWith("Valid N"));
  return { cases: line ? Number(line.split(",")[1]) : null, error: null };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export const exportsBench: TBenchmark = {
  name: "exports",
  title: "Exports of 20,000 responses",
  async run({ harness, log }: TBenchContext): Promise<TReport> {
    const prisma = createPrismaClient({ url: harness.databaseUrl, max: 3, connectionTimeoutMs: 10_000, statementTimeoutMs: 600_000 });
    const pool = new pg.Pool({ connectionString: harness.databaseUrl, max: 2, application_name: "expert-panel-bench" });
    const dir = mkdtempSync(path.join(tmpdir(), "bench-exports-"));
    try {
      const study = await createBenchStudy(prisma, "exports", ZQuestionnaire.parse(eaeuQuestionnaire));
      log(`Seeding ${int(RESPONSES)} responses to the EAEU questionnaire…`);
      const seeded = await seedBulkResponses(pool, { studyId: study.studyId, count: RESPONSES });
      log(`Seeded ${int(seeded.responses)} responses, ${int(seeded.answers)} answers in ${seeded.seconds.toFixed(1)} s.`);
      const coordinator = await createStaffAccount(prisma, { email: `bench-exports-${Date.now()}@bench.test`, password: "bench-exports-password", name: "Bench coordinator", role: "COORDINATOR", language: "ru" });
      await prisma.studyMember.create({ data: { studyId: study.studyId, userId: coordinator.id, role: "COORDINATOR" } });
      // A coordinator's session and its next-auth cookie, minted as fixtures.ts does for experts.
      const sid = await createSession(prisma, { id: coordinator.id, role: "COORDINATOR" });
      const cookie = `${SESSION_COOKIE}=${await encode({ token: { sub: coordinator.id, sid }, secret: harness.secret, maxAge: SESSION_COOKIE_MAX_AGE_SECONDS })}`;

      // Warm the export route up (lazily loaded server chunks) with the small codebook download.
      await fetch(`${harness.baseUrl}/api/coordinator/studies/${study.studyId}/exports/codebook.json`, { headers: { cookie: cookie } }).then((r) => r.arrayBuffer());

      const baseline = await copyBaseline(harness.databaseUrl, study.instrumentId);
      log(`Baseline COPY: ${baseline.seconds.toFixed(2)} s, ${mb(baseline.bytes)}.`);
      const results: TDownload[] = [];
      for (const format of FORMATS) {
        const file = path.join(dir, format);
        const d = await download(`${harness.baseUrl}/api/coordinator/studies/${study.studyId}/exports/${format}`, cookie, harness.server.pid!, file, format);
        log(`${format}: ${d.status} in ${d.seconds.toFixed(2)} s, ${mb(d.bytes)}, peak RSS ${mb(d.peakRss)} (before ${mb(d.rssBefore)}).`);
        results.push(d);
      }

      const verification: string[] = [];
      const checks: TCheck[] = [];
      for (const d of results) {
        let ok = d.status === 200;
        let note = `HTTP ${d.status}, ${d.type}`;
        if (d.format === "wide.csv") {
          const lines = countLines(d.file);
          ok &&= lines === RESPONSES + 1;
          note += `, ${int(lines)} lines (header + ${int(RESPONSES)} expected)`;
        } else if (d.format === "long.csv") {
          const lines = countLines(d.file);
          ok &&= lines === seeded.answers + 1;
          note += `, ${int(lines)} lines (header + ${int(seeded.answers)} answers expected)`;
        } else if (d.format === "data.xlsx") {
          ok &&= readFileSync(d.file).subarray(0, 2).toString() === "PK";
          note += ", zip signature PK";
        } else {
          const { cases, error } = psppCases(d.file, dir);
          ok &&= error === "pspp not installed" || cases === RESPONSES;
          note += error ? `, PSPP: ${error}` : `, PSPP read ${int(cases ?? 0)} cases`;
        }
        verification.push(`- ${d.format}: ${ok ? "ok" : "FAILED"} — ${note}`);
        checks.push({ label: `${d.format} content`, target: "complete and readable", actual: ok ? "ok" : "failed", pass: ok });
        if (d.format.endsWith(".csv")) checks.push({ label: `${d.format} time`, target: `< ${TARGETS.csvSeconds} s`, actual: `${d.seconds.toFixed(2)} s`, pass: d.seconds < TARGETS.csvSeconds });
        checks.push({ label: `${d.format} peak RSS`, target: `< ${TARGETS.peakRssMb} MB`, actual: mb(d.peakRss), pass: d.peakRss < TARGETS.peakRssMb * 1024 * 1024 });
      }

      const table = markdownTable([
        ["format", "time", "size", "MB/s", "× COPY time", "server RSS before", "server peak RSS"],
        ["COPY baseline", `${baseline.seconds.toFixed(2)} s`, mb(baseline.bytes), (baseline.bytes / 1024 / 1024 / baseline.seconds).toFixed(1), "1.0", "", ""],
        ...results.map((d) => [
          d.format,
          `${d.seconds.toFixed(2)} s`,
          mb(d.bytes),
          (d.bytes / 1024 / 1024 / d.seconds).toFixed(1),
          (d.seconds / baseline.seconds).toFixed(1),
          mb(d.rssBefore),
          mb(d.peakRss),
        ]),
      ]);
      return {
        name: "exports",
        title: "Exports of 20,000 responses",
        parameters: [
          ["responses", int(RESPONSES)],
          ["answers", int(seeded.answers)],
          ["questionnaire", "EAEU demo questionnaire"],
          ["RSS sampling", `largest process of the app server's tree, every ${SAMPLE_MS} ms`],
        ],
        figures: [["COPY baseline", `${baseline.seconds.toFixed(2)} s`], ...results.map((d): [string, string] => [d.format, `${d.seconds.toFixed(2)} s, peak RSS ${mb(d.peakRss)}`])],
        checks,
        details: [
          { title: "Downloads", text: table },
          { title: "Verification", text: verification.join("\n") },
        ],
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await pool.end();
      await prisma.$disconnect();
    }
  },
};
