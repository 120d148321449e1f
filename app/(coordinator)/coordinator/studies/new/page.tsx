import { getTranslations } from "next-intl/server";
import { StudyForm } from "@/components/coordinator/study-form";
import { ClientMessages } from "@/components/layout/client-messages";
import { CoordinatorNav } from "@/components/layout/coordinator-nav";
import { requirePageActor } from "@/lib/auth/actor";
import { pageMetadata } from "@/lib/i18n/metadata";
import { EAEU_COUNTRIES } from "@/lib/study/countries";
import { STUDY_GROUPS } from "@/lib/study/schemas";

export const generateMetadata = pageMetadata("newStudy");

export default async function NewStudyPage() {
  await requirePageActor("COORDINATOR", "/coordinator/studies/new");
  const [t, common] = await Promise.all([getTranslations("studies"), getTranslations("common")]);
  return (
    <ClientMessages namespaces={["studies"]}>
      <CoordinatorNav current="/coordinator" />
      <h1>{t("newTitle")}</h1>
      <p className="muted">{t("newLead")}</p>
      <StudyForm
        countryNames={Object.fromEntries(EAEU_COUNTRIES.map((c) => [c, common(`countries.${c}`)]))}
        groupNames={Object.fromEntries(STUDY_GROUPS.map((g) => [g, common(`groups.${g}`)]))}
      />
    </ClientMessages>
  );
}
