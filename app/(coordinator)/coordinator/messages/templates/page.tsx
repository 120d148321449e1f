import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { CoordinatorNav } from "@/components/layout/coordinator-nav";
import { ReminderSettingsForm } from "@/components/messages/reminder-settings-form";
import { StudyPicker, chooseStudy } from "@/components/coordinator/study-picker";
import { TemplatesEditor } from "@/components/messages/templates-editor";
import { requirePageActor } from "@/lib/auth/actor";
import { getReminderSettings, getTemplates } from "@/lib/messaging/service";
import { listStudies } from "@/lib/study/service";
import "@/components/messages/messages.css";
import { pageMetadata } from "@/lib/i18n/metadata";

export const generateMetadata = pageMetadata("templates");

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function MessageTemplatesPage({ searchParams }: TProps) {
  const actor = await requirePageActor("COORDINATOR", "/coordinator/messages/templates");
  const params = await searchParams;
  const [studies, t] = await Promise.all([listStudies(actor), getTranslations("messages")]);
  const study = chooseStudy(studies, params.study);
  const [templates, settings] = study ? await Promise.all([getTemplates(actor, study.id), getReminderSettings(actor, study.id)]) : [null, null];
  return (
    <ClientMessages namespaces={["messages"]}>
      <div className="stack">
        <CoordinatorNav current="/coordinator/messages" />
        <h1>{t("templatesTitle")}</h1>
        {study && templates && settings && (
          <>
            <StudyPicker action="/coordinator/messages/templates" studies={studies} current={study.id} />
            <p>
              <Link href={`/coordinator/messages?study=${study.id}`}>{t("navDelivery")}</Link>
            </p>
            <h2>{t("remindersTitle")}</h2>
            <ReminderSettingsForm key={`r-${study.id}`} studyId={study.id} settings={settings} />
            <TemplatesEditor key={`t-${study.id}`} studyId={study.id} templates={templates} />
          </>
        )}
      </div>
    </ClientMessages>
  );
}
