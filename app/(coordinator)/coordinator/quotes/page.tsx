import { getLocale, getTranslations } from "next-intl/server";
import { CoordinatorNav } from "@/components/layout/coordinator-nav";
import { quoteFilterOptions } from "@/components/quotes/load";
import { QuotesBrowser, readQuoteFilters } from "@/components/quotes/quotes-browser";
import { requirePageActor } from "@/lib/auth/actor";
import { listQuotes } from "@/lib/quotes/service";
import { pageMetadata } from "@/lib/i18n/metadata";
import { languageOf } from "@/lib/i18n/config";

export const generateMetadata = pageMetadata("quotes");

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CoordinatorQuotesPage({ searchParams }: TProps) {
  const actor = await requirePageActor("COORDINATOR", "/coordinator/quotes");
  const filters = readQuoteFilters(await searchParams);
  const locale = await getLocale();
  const lang = languageOf(locale);
  const [{ quotes }, options, t] = await Promise.all([listQuotes(actor, { ...filters, lang }), quoteFilterOptions(actor, lang), getTranslations("quotes")]);
  return (
    <div className="stack">
      <CoordinatorNav current="/coordinator/quotes" />
      <h1>{t("title")}</h1>
      <p className="muted">{t("leadCoordinator")}</p>
      <QuotesBrowser
        base="/coordinator/quotes"
        noteHref={(id, question) => `/coordinator/interviews/${id}#note-${question}`}
        quotes={quotes}
        filters={filters}
        codeGroups={options.codeGroups}
        blocks={options.blocks}
        lang={lang}
      />
    </div>
  );
}
