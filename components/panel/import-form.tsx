"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { api, type TResponseOf } from "@/lib/api/client";
import type { TOutcome } from "@/components/forms/form-alert";

type TReport = TResponseOf<"POST /api/coordinator/experts/import">;
type TImportProblem = TReport["problems"][number];

/** Paste or choose a CSV, preview every row and problem, then import all rows at once (or none). */
export function ImportForm({ studyId }: { studyId: string }) {
  const t = useTranslations("panel");
  const common = useTranslations("common");
  const router = useRouter();
  const [csv, setCsv] = useState("");
  const [report, setReport] = useState<TReport | null>(null);
  const [busy, setBusy] = useState<"preview" | "import" | null>(null);
  const [message, setMessage] = useState<TOutcome | null>(null);

  const run = async (commit: boolean) => {
    setBusy(commit ? "import" : "preview");
    setMessage(null);
    const result = await api("POST /api/coordinator/experts/import", { body: { studyId, csv, commit } });
    setBusy(null);
    if (result.ok) {
      setReport(result.data);
      if (commit) {
        setMessage({ kind: "success", text: t("imported", { count: result.data.imported }) });
        router.refresh();
      }
      return;
    }
    // A commit refused for problems found on re-validation returns the report (422).
    const details = result.error.details as Omit<TReport, "imported"> | undefined;
    if (details && Array.isArray(details.problems)) setReport({ ...details, imported: 0 });
    else setReport(null);
    setMessage({ kind: "error", text: result.error.message ?? common("unexpectedError") });
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setCsv(await file.text());
    setReport(null);
  };

  const problemsByRow = new Map<number, TImportProblem[]>();
  for (const p of report?.problems ?? []) problemsByRow.set(p.row, [...(problemsByRow.get(p.row) ?? []), p]);
  const canImport = report !== null && report.problems.length === 0 && report.rows.length > 0 && report.imported === 0;

  return (
    <div className="stack">
      <div>
        <label htmlFor="import-csv">{t("csvLabel")}</label>
        <textarea
          id="import-csv"
          rows={10}
          value={csv}
          spellCheck={false}
          style={{ fontFamily: "monospace" }}
          onChange={(e) => {
            setCsv(e.target.value);
            setReport(null);
          }}
        />
      </div>
      <div>
        <label htmlFor="import-file">{t("fileLabel")}</label>
        <input id="import-file" type="file" accept=".csv,text/csv,text/plain" onChange={(e) => onFile(e.target.files?.[0])} />
      </div>
      <div className="row-actions">
        <button type="button" className="secondary" disabled={!csv.trim() || busy !== null} onClick={() => run(false)}>
          {busy === "preview" ? t("previewing") : t("preview")}
        </button>
        <button type="button" disabled={!canImport || busy !== null} onClick={() => run(true)}>
          {busy === "import" ? t("importing") : t("import", { count: report?.rows.length ?? 0 })}
        </button>
      </div>
      {message && (
        <p className={`alert ${message.kind}`} role={message.kind === "error" ? "alert" : "status"}>
          {message.text} {message.kind === "success" && <Link href={`/coordinator/panel?study=${studyId}`}>{t("backToPanel")}</Link>}
        </p>
      )}
      {report && report.problems.length > 0 && (
        <section className="stack" aria-labelledby="import-problems" data-testid="import-problems">
          <h2 id="import-problems">{t("problemsTitle", { count: report.problems.length })}</h2>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("row")}</th>
                  <th scope="col">{t("field")}</th>
                  <th scope="col">{t("problem")}</th>
                </tr>
              </thead>
              <tbody>
                {report.problems.map((p, i) => (
                  <tr key={i} data-testid={`problem-${p.row}-${p.field}`}>
                    <td>{p.row}</td>
                    <td>{p.field}</td>
                    <td>{p.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {report && report.problems.length === 0 && report.imported === 0 && <p role="status">{t("previewOk", { count: report.rows.length })}</p>}
      {report && report.rows.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="muted">{t("previewCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("row")}</th>
                <th scope="col">name</th>
                <th scope="col">email</th>
                <th scope="col">country</th>
                <th scope="col">group</th>
                <th scope="col">organisation</th>
                <th scope="col">track</th>
                <th scope="col">{t("problem")}</th>
              </tr>
            </thead>
            <tbody>
              {report.rows.map((r) => {
                const problems = problemsByRow.get(r.row) ?? [];
                return (
                  <tr key={r.row} data-testid={`import-row-${r.row}`} className={problems.length ? "has-problem" : undefined}>
                    <td>{r.row}</td>
                    <td>{r.values.name}</td>
                    <td>{r.values.email}</td>
                    <td>{r.expert?.country ?? r.values.country}</td>
                    <td>{r.expert ? common(`groups.${r.expert.expertGroup}`) : r.values.group}</td>
                    <td>{r.values.organisation}</td>
                    <td>{r.expert ? t(`tracks.${r.expert.track}`) : r.values.track}</td>
                    <td>{problems.map((p) => `${p.field}: ${p.message}`).join(" ")}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
