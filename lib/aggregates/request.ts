import "server-only";
import type { NextRequest } from "next/server";
import type { TActor } from "@/lib/auth/sessions";
import { requestLanguage } from "@/lib/i18n/request-language";
import { toFilters, type TFilters, type TFiltersInput } from "@/lib/aggregates/types";

/** The filters and output language of an aggregates request, from its parsed query (as the dashboard's URL has them). */
export function aggregateRequest(query: TFiltersInput, req: NextRequest, actor: TActor): { filters: TFilters; lang: "ru" | "en" } {
  return { filters: toFilters(query), lang: requestLanguage(req, actor, query.lang) };
}
