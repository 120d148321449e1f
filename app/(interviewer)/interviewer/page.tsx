import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { LocalTime } from "@/components/interview/local-time";
import { ClientMessages } from "@/components/layout/client-messages";
import { INTERVIEW_STATUSES, type TInterviewStatus } from "@/components/interview/types";
import { InterviewerNav } from "@/components/interview/interviewer-nav";
import { requirePageActor } from "@/lib/auth/actor";
import { pick } from "@/lib/i18n/text";
import { listOwnInterviews } from "@/lib/interviews/service";
import { COUNTRIES } from "@/lib/study/countries";
import "@/components/interview/interview.css";
import { pageMetadata } from "@/lib/i18n/metadata";
import { languageOf } from "@/lib/i18n/config";
import { DataTable } from "@/components/ui/data-table";

export const generateMetadata = pageMetadata("yourInterviews");

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function InterviewerHomePage({ searchParams }: TProps) {
  const actor = await requirePageActor("INTERVIEWER", "/interviewer");
  const asked = (await searchParams).status;
  const status = INTERVIEW_STATUSES.find((s) => s === asked) as TInterviewStatus | undefined;
  const [{ interviews }, t, ti, common, locale] = await Promise.all([
    listOwnInterviews(actor, { status }),
    getTranslations("interviewer"),
    getTranslations("interview"),
    getTranslations("common"),
    getLocale(),
  ]);
  const lang = languageOf(locale);
  const filters: Array<{ value: TInterviewStatus | undefined; label: string }> = [
    { value: undefined, label: ti("filterAll") },
    ...INTERVIEW_STATUSES.map((s) => ({ value: s, label: ti(`status.${s}`) })),
  ];
  const attribution = (e: { pseudonym: number; country: string }) =>
    `${common("expertPseudonym", { n: e.pseudonym })} (${COUNTRIES[e.country] ? pick(COUNTRIES[e.country]!.formal, lang) : e.country})`;

  return (
    <ClientMessages namespaces={[]}>
      <div className="iv stack">
        <InterviewerNav current="/interviewer" />
        <h1>{t("title")}</h1>
        <p>{t("welcome", { name: actor.name })}</p>
        <nav aria-label={ti("filterLabel")}>
          <ul className="iv-filter">
            {filters.map((f) => (
              <li key={f.value ?? "all"}>
                <Link href={f.value ? `/interviewer?status=${f.value}` : "/interviewer"} aria-current={f.value === status ? "page" : undefined}>
                  {f.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {interviews.length === 0 ? (
          <p className="card muted">{status ? ti("noneWithStatus") : t("none")}</p>
        ) : (
          <DataTable columns={[ti("columns.when"), ti("columns.expert"), ti("columns.group"), ti("columns.mode"), ti("columns.guide"), ti("columns.status")]} className="iv-table-cards" testId="own-interviews" caption={t("title")} captionClassName="iv-sr">
            {interviews.map((iv) => (
              <tr key={iv.id} data-testid={`interview-${iv.id}`}>
                <td data-label={ti("columns.when")}>
                  <LocalTime iso={iv.plannedAt.toISOString()} />
                </td>
                <td data-label={ti("columns.expert")}>
                  <Link href={`/interviewer/interviews/${iv.id}`}>{attribution(iv.expert)}</Link>
                </td>
                <td data-label={ti("columns.group")}>{common(`groups.${iv.expert.expertGroup}`)}</td>
                <td data-label={ti("columns.mode")}>{ti(`mode.${iv.mode}`)}</td>
                <td data-label={ti("columns.guide")}>{pick(iv.guideTitle, lang) || iv.guideName}</td>
                <td data-label={ti("columns.status")}>
                  <span className={`iv-status iv-status-${iv.status}`}>{ti(`status.${iv.status}`)}</span>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </div>
    </ClientMessages>
  );
}
