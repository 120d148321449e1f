import "server-only";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import type { TActor } from "@/lib/auth/sessions";
import { parseQuery } from "@/lib/interviews/input";
import { requestLanguage } from "@/lib/quotes/language";
import { toFilters, type TFilters, type ZFilters } from "@/lib/aggregates/types";

/** The filters and output language of an aggregates request, from its query string (as the dashboard's URL has them). */
export function readAggregateQuery<S extends typeof ZFilters>(schema: S, req: NextRequest, actor: TActor): { query: z.output<S>; filters: TFilters; lang: "ru" | "en" } {
  const query = parseQuery(schema, req.nextUrl.searchParams);
  return { query, filters: toFilters(query), lang: requestLanguage(req, actor, query.lang) };
}
