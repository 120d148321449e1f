import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { CopyInstrumentForm } from "@/components/instruments/copy-instrument-form";
import { ImportInstrumentForm } from "@/components/instruments/import-instrument-form";
import { NewInstrumentForm } from "@/components/instruments/new-instrument-form";
import { WaveControls } from "@/components/instruments/wave-controls";
import { ClientMessages } from "@/components/layout/client-messages";
import { CoordinatorNav } from "@/components/layout/coordinator-nav";
import { apiHref } from "@/lib/api/client";
import { requirePageActor } from "@/lib/auth/actor";
import { listInstruments } from "@/lib/instrument/service";
import { pick } from "@/lib/i18n/text";
import { listStudies } from "@/lib/study/service";
import { pageMetadata } from "@/lib/i18n/metadata";
import { languageOf } from "@/lib/i18n/config";

export const generateMetadata = pageMetadata("instruments");

export default async function InstrumentsPage() {
  const actor = await requirePageActor("COORDINATOR", "/coordinator/instruments");
  const [instruments, studies, t, locale] = await Promise.all([listInstruments(actor), listStudies(actor), getTranslations("instruments"), getLocale()]);
  // An archived study changes no more: it is offered as no instrument's destination.
  const open = studies.filter((s) => s.status !== "ARCHIVED").map((s) => ({ id: s.id, title: locale === "en" ? s.titleEn : s.titleRu }));
  return (
    <ClientMessages namespaces={["instruments"]}>
      <CoordinatorNav current="/coordinator/instruments" />
      <h1>{t("title")}</h1>
      <p className="muted">{t("lead")}</p>
      {instruments.length === 0 && <p className="card">{t("none")}</p>}
      {instruments.map((instrument) => (
        <section key={instrument.id} className="card stack" aria-labelledby={`instrument-${instrument.id}`} style={{ marginBottom: "1rem" }}>
          <h2 id={`instrument-${instrument.id}`} style={{ margin: 0 }}>
            {pick(instrument.title, languageOf(locale)) || instrument.name} <span className="muted">· {t(`kind.${instrument.kind}`)}</span>
          </h2>
          <p className="muted" style={{ margin: 0 }}>
            {locale === "en" ? instrument.study.titleEn : instrument.study.titleRu}
          </p>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("version")}</th>
                  <th scope="col">{t("status")}</th>
                  <th scope="col">{t("changed")}</th>
                  <th scope="col">{t("actions")}</th>
                </tr>
              </thead>
              <tbody>
                {instrument.versions.map((v) => (
                  <tr key={v.id} data-testid={`version-${instrument.name}-${v.number}`}>
                    <td>v{v.number}</td>
                    <td>{t(`statusName.${v.status}`)}</td>
                    <td>{(v.publishedAt ?? v.updatedAt).toISOString().slice(0, 16).replace("T", " ")} UTC</td>
                    <td className="row-actions">
                      <Link href={`/coordinator/instruments/${v.id}/edit`}>{v.status === "DRAFT" ? t("edit") : t("open")}</Link>
                      <Link href={`/coordinator/instruments/${v.id}/preview`}>{t("preview")}</Link>
                      <a href={apiHref("GET /api/coordinator/instrument-versions/[versionId]/export", { params: { versionId: v.id } })}>{t("export")}</a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {instrument.kind === "QUESTIONNAIRE" && (
            <WaveControls
              instrumentId={instrument.id}
              waves={instrument.waves.map((w) => ({ ...w, closesAt: w.closesAt?.toISOString() ?? null }))}
              published={instrument.versions.some((v) => v.status === "PUBLISHED")}
            />
          )}
        </section>
      ))}
      <h2>{t("newTitle")}</h2>
      <NewInstrumentForm studies={open} />
      <ImportInstrumentForm studies={open} />
      <CopyInstrumentForm
        studies={open}
        sources={instruments.map((i) => ({
          id: i.id,
          label: `${pick(i.title, locale === "en" ? "en" : "ru") || i.name} (${t(`kind.${i.kind}`)}) · ${locale === "en" ? i.study.titleEn : i.study.titleRu}`,
        }))}
      />
    </ClientMessages>
  );
}
