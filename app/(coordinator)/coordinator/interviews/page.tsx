import { getLocale, getTranslations } from "next-intl/server";
import { AssignInterviewForm, type TGuideOption } from "@/components/interview/assign-interview-form";
import { InterviewsAdminTable } from "@/components/interview/interviews-admin-table";
import { ClientMessages } from "@/components/layout/client-messages";
import { CoordinatorNav } from "@/components/layout/coordinator-nav";
import { requirePageActor } from "@/lib/auth/actor";
import { listInstruments } from "@/lib/instrument/service";
import { listInterviews } from "@/lib/interviews/service";
import { pick } from "@/lib/i18n/text";
import { listPanel } from "@/lib/panel/service";
import { listStudies, listStudyInterviewers } from "@/lib/study/service";
import "@/components/interview/interview.css";
import { pageMetadata } from "@/lib/i18n/metadata";
import { languageOf } from "@/lib/i18n/config";

export const generateMetadata = pageMetadata("interviews");

export default async function CoordinatorInterviewsPage() {
  const actor = await requirePageActor("COORDINATOR", "/coordinator/interviews");
  const [{ interviews }, panel, interviewers, instruments, studies, t, locale] = await Promise.all([
    listInterviews(actor),
    listPanel(actor),
    listStudyInterviewers(actor),
    listInstruments(actor),
    listStudies(actor),
    getTranslations("interviewsAdmin"),
    getLocale(),
  ]);
  const title = (s: { titleEn: string; titleRu: string }) => (locale === "en" ? s.titleEn : s.titleRu);
  const lang = languageOf(locale);
  const studyBySlug = new Map(studies.map((s) => [s.slug, s.id]));
  const guides: TGuideOption[] = instruments
    .filter((i) => i.kind === "GUIDE")
    .flatMap((i) =>
      i.versions
        .filter((v) => v.status === "PUBLISHED")
        .map((v) => ({ versionId: v.id, name: pick(i.title, lang) || i.name, number: v.number, studyId: i.study.id, studyTitle: title(i.study) })),
    );
  return (
    <ClientMessages namespaces={["interviewsAdmin", "interview"]}>
      <div className="iv stack">
        <CoordinatorNav current="/coordinator/interviews" />
        <h1>{t("title")}</h1>
        <p className="muted">{t("lead")}</p>
        <AssignInterviewForm
          experts={[...panel]
            // Rejected, declined and withdrawn experts are out of the panel: the server refuses them too.
            .filter((e) => !["REJECTED", "DECLINED", "WITHDRAWN"].includes(e.status))
            .sort((a, b) => a.pseudonym - b.pseudonym)
            .map((e) => ({ id: e.id, pseudonym: e.pseudonym, name: e.user.name, country: e.country, studyId: studyBySlug.get(e.study.slug) ?? null, studyTitle: title(e.study) }))}
          interviewers={interviewers}
          guides={guides}
        />
        <h2>{t("listTitle")}</h2>
        <InterviewsAdminTable
          interviews={interviews.map((iv) => ({
            id: iv.id,
            plannedAt: iv.plannedAt.toISOString(),
            mode: iv.mode,
            status: iv.status,
            expert: { pseudonym: iv.expert.pseudonym, name: iv.expert.name, country: iv.expert.country },
            interviewer: { name: iv.interviewer.name },
            guide: { name: pick(iv.guide.title, lang) || iv.guide.name, number: iv.guide.number },
          }))}
        />
      </div>
    </ClientMessages>
  );
}
