import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { StudyPicker, chooseStudy } from "@/components/coordinator/study-picker";
import { WavePicker } from "@/components/coordinator/wave-picker";
import { db } from "@/lib/db";
import { chosenWave, coordinatorQuestionnaire } from "@/lib/study/study-waves";
import { CoordinatorNav } from "@/components/layout/coordinator-nav";
import { apiHref } from "@/lib/api/client";
import { requirePageActor } from "@/lib/auth/actor";
import { listStudies } from "@/lib/study/service";
import { pageMetadata } from "@/lib/i18n/metadata";

export const generateMetadata = pageMetadata("exports");

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Every download of a study's data, with what each holds. The files themselves stream from the export routes. */
const DOWNLOADS = [
  { file: "wide.csv", key: "wideCsv" },
  { file: "long.csv", key: "longCsv" },
  { file: "data.xlsx", key: "xlsx" },
  { file: "data.sav", lang: "ru", key: "savRu" },
  { file: "data.sav", lang: "en", key: "savEn" },
  { file: "codebook.json", key: "codebook" },
  { file: "aggregates.csv", key: "aggregates" },
] as const;

/** A download's link; `wave` only when the questionnaire has more than one (a number, or "all" for the data files). */
const href = (studyId: string, d: (typeof DOWNLOADS)[number], wave: number | "all" | undefined) =>
  d.file === "aggregates.csv"
    ? apiHref("GET /api/coordinator/studies/[studyId]/exports/aggregates.csv", { params: { studyId }, query: { wave: wave === "all" ? undefined : wave } })
    : apiHref(`GET /api/coordinator/studies/[studyId]/exports/${d.file}`, {
        params: { studyId },
        query: { lang: "lang" in d ? d.lang : undefined, wave: d.file === "codebook.json" ? undefined : wave },
      });

export default async function ExportsPage({ searchParams }: TProps) {
  const actor = await requirePageActor("COORDINATOR", "/coordinator/exports");
  const [studies, t, locale] = await Promise.all([listStudies(actor), getTranslations("exports"), getLocale()]);
  const params = await searchParams;
  const asked = params.study;
  const askedWave = Array.isArray(params.wave) ? params.wave[0] : params.wave;
  if (asked && !studies.some((s) => s.id === asked)) notFound();
  const study = chooseStudy(studies, asked);
  const title = (s: { titleEn: string; titleRu: string }) => (locale === "en" ? s.titleEn : s.titleRu);
  // The wave exported: the one asked for, all of them, or the latest (lib/study/study-waves.ts).
  const questionnaire = study ? await coordinatorQuestionnaire(db(), actor, study.id) : null;
  const waves = (questionnaire?.waves ?? []).filter((w) => w.status !== "PLANNED");
  const wave: number | "all" | null = askedWave === "all" ? "all" : questionnaire ? (chosenWave(questionnaire, Number(askedWave) || undefined)?.number ?? null) : null;
  // Only with more than one wave: the single-wave links stay as they were.
  const linkWave = waves.length < 2 || wave === null ? undefined : wave;
  return (
    <div className="stack">
      <CoordinatorNav current="/coordinator/exports" />
      <h1>{t("title")}</h1>
      <p className="muted">{t("lead")}</p>
      <StudyPicker action="/coordinator/exports" studies={studies} current={study?.id} />
      {study ? (
        <section aria-labelledby="exports-study-title" className="stack">
          <h2 id="exports-study-title">{title(study)}</h2>
          {wave !== null && <WavePicker action="/coordinator/exports" studyId={study.id} waves={waves} current={wave} all />}
          <table>
            <caption>{t("caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("file")}</th>
                <th scope="col">{t("description")}</th>
              </tr>
            </thead>
            <tbody>
              {DOWNLOADS.map((d) => (
                <tr key={d.key}>
                  <td>
                    <a href={href(study.id, d, linkWave)} download data-export={d.key}>
                      <code>{d.file}</code>
                      {"lang" in d ? ` (${d.lang})` : ""}
                    </a>
                  </td>
                  <td>{t(d.key)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted">{t("missingNote")}</p>
        </section>
      ) : (
        <p className="card muted">{t("noStudies")}</p>
      )}
    </div>
  );
}
