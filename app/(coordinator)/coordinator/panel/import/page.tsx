import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { CoordinatorNav } from "@/components/layout/coordinator-nav";
import { ImportForm } from "@/components/panel/import-form";
import { chooseStudy } from "@/components/coordinator/study-picker";
import { requirePageActor } from "@/lib/auth/actor";
import "@/components/panel/panel.css";
import { IMPORT_COLUMNS } from "@/lib/panel/import";
import { listStudies } from "@/lib/study/service";
import { pageMetadata } from "@/lib/i18n/metadata";

export const generateMetadata = pageMetadata("importExperts");

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PanelImportPage({ searchParams }: TProps) {
  const actor = await requirePageActor("COORDINATOR", "/coordinator/panel/import");
  const [studies, t, locale, params] = await Promise.all([listStudies(actor), getTranslations("panel"), getLocale(), searchParams]);
  const study = chooseStudy(studies, params.study);
  return (
    <ClientMessages namespaces={["panel"]}>
      <div className="pn stack">
        <CoordinatorNav current="/coordinator/panel" />
        <h1>{t("importTitle")}</h1>
        {study && (
          <>
            <p>
              {t("study")}: <strong>{locale === "en" ? study.titleEn : study.titleRu}</strong> ·{" "}
              <Link href={`/coordinator/panel?study=${study.id}`}>{t("backToPanel")}</Link>
            </p>
            <p className="muted">{t.rich("importLead", { code: (chunks) => <code>{chunks}</code> })}</p>
            <p>
              {t("importColumns")}: <code>{IMPORT_COLUMNS.join(", ")}</code>
            </p>
            <p className="muted">{t.rich("importValues", { code: (chunks) => <code>{chunks}</code> })}</p>
            <ImportForm studyId={study.id} />
          </>
        )}
      </div>
    </ClientMessages>
  );
}
