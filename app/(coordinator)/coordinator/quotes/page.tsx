import { getLocale } from "next-intl/server";
import { QuotesPage } from "@/components/quotes/quotes-page";
import { readQuoteFilters } from "@/components/quotes/quotes-browser";
import { requirePageActor } from "@/lib/auth/actor";
import { languageOf } from "@/lib/i18n/config";
import { pageMetadata } from "@/lib/i18n/metadata";
import { quotesPageData } from "@/lib/quotes/filter-options";

export const generateMetadata = pageMetadata("quotes");

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CoordinatorQuotesPage({ searchParams }: TProps) {
  const actor = await requirePageActor("COORDINATOR", "/coordinator/quotes");
  const filters = readQuoteFilters(await searchParams);
  const lang = languageOf(await getLocale());
  return <QuotesPage role="COORDINATOR" filters={filters} lang={lang} {...await quotesPageData(actor, filters, lang)} />;
}
