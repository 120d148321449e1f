import { getLocale, getTranslations } from "next-intl/server";
import { InterviewerNav } from "@/components/interview/interviewer-nav";
import { quoteFilterOptions } from "@/components/quotes/load";
import { QuotesBrowser, readQuoteFilters } from "@/components/quotes/quotes-browser";
import { requirePageActor } from "@/lib/auth/actor";
import { listQuotes } from "@/lib/quotes/service";
import { pageMetadata } from "@/lib/i18n/metadata";
import { languageOf } from "@/lib/i18n/config";

export const generateMetadata = pageMetadata("quotes");

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function InterviewerQuotesPage({ searchParams }: TProps) {
  const actor = await requirePageActor("INTERVIEWER", "/interviewer/quotes");
  const filters = readQuoteFilters(await searchParams);
  const locale = await getLocale();
  const lang = languageOf(locale);
  const [{ quotes }, options, t] = await Promise.all([listQuotes(actor, { ...filters, lang }), quoteFilterOptions(actor, lang), getTranslations("quotes")]);
  return (
    <div className="stack">
      <InterviewerNav current="/interviewer/quotes" />
      <h1>{t("title")}</h1>
      <p className="muted">{t("leadInterviewer")}</p>
      <QuotesBrowser
        base="/interviewer/quotes"
        noteHref={(id, question) => `/interviewer/interviews/${id}#note-${question}`}
        quotes={quotes}
        filters={filters}
        codeGroups={options.codeGroups}
        blocks={options.blocks}
        lang={lang}
      />
    </div>
  );
}
