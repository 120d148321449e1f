import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { CodebookEditor } from "@/components/codebook/codebook-editor";
import { ClientMessages } from "@/components/layout/client-messages";
import { StudyPicker, chooseStudy } from "@/components/coordinator/study-picker";
import { CoordinatorNav } from "@/components/layout/coordinator-nav";
import { requirePageActor } from "@/lib/auth/actor";
import { listCodes } from "@/lib/codebook/service";
import { listStudies } from "@/lib/study/service";
import { pageMetadata } from "@/lib/i18n/metadata";

export const generateMetadata = pageMetadata("codebook");

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CodebookPage({ searchParams }: TProps) {
  const actor = await requirePageActor("COORDINATOR", "/coordinator/codebook");
  const [studies, t, locale] = await Promise.all([listStudies(actor), getTranslations("codebook"), getLocale()]);
  const asked = (await searchParams).study;
  const study = chooseStudy(studies, asked);
  if (asked && !studies.some((s) => s.id === asked)) notFound();
  const title = (s: { titleEn: string; titleRu: string }) => (locale === "en" ? s.titleEn : s.titleRu);
  const codes = study ? (await listCodes(actor, study.id)).codes : [];
  return (
    <ClientMessages namespaces={["codebook"]}>
      <CoordinatorNav current="/coordinator/codebook" />
      <h1>{t("title")}</h1>
      <p className="muted">{t("lead")}</p>
      <StudyPicker action="/coordinator/codebook" studies={studies} current={study?.id} />
      {study ? (
        <section aria-labelledby="codebook-study-title" className="stack">
          <h2 id="codebook-study-title">{title(study)}</h2>
          <CodebookEditor key={study.id} studyId={study.id} initial={codes} />
        </section>
      ) : (
        <p className="card muted">{t("noStudies")}</p>
      )}
    </ClientMessages>
  );
}
