import { z } from "zod";
import { ExpertGroup } from "@/lib/generated/prisma/enums";
import { defineRoute, ZOk } from "@/lib/http/contract";
import { ZCodeIds, ZInterviewParams } from "@/lib/interviews/schemas";
import { ZCreateQuote, ZQuoteExport, ZQuoteFilters, ZQuoteParams } from "@/lib/quotes/schemas";

export const ZQuoteView = z.object({
  id: z.string(),
  text: z.string(),
  attribution: z.string(),
  pseudonym: z.number(),
  country: z.string(),
  expertGroup: z.enum(ExpertGroup),
  interviewId: z.string(),
  questionCode: z.string(),
  blockCode: z.string(),
  codes: z.array(z.object({ id: z.string(), code: z.string(), nameRu: z.string(), nameEn: z.string() })),
});

export const quoteRoutes = {
  list: defineRoute({
    method: "GET",
    path: "/api/quotes",
    summary: "The quotes browser: `?code=&block=&country=&group=` (and `lang=`, else the interface language).",
    roles: ["INTERVIEWER", "COORDINATOR"],
    query: ZQuoteFilters,
    response: z.object({ quotes: z.array(ZQuoteView) }),
  }),
  export: defineRoute({
    method: "GET",
    path: "/api/quotes/export",
    summary: "The visible quotes as a file grouped by code: `?format=csv|md&lang=en|ru` and the browser's filters.",
    roles: ["INTERVIEWER", "COORDINATOR"],
    query: ZQuoteExport,
    response: { kind: "file", contentType: "text/csv or text/markdown" },
  }),
  create: defineRoute({
    method: "POST",
    path: "/api/interviews/[interviewId]/quotes",
    summary: "Marks a passage of a question's notes as a quote.",
    roles: ["INTERVIEWER", "COORDINATOR"],
    params: ZInterviewParams,
    body: ZCreateQuote,
    response: z.object({ id: z.string() }),
  }),
  remove: defineRoute({
    method: "DELETE",
    path: "/api/quotes/[quoteId]",
    summary: "Deletes a quote.",
    roles: ["INTERVIEWER", "COORDINATOR"],
    params: ZQuoteParams,
    response: ZOk,
  }),
  codes: defineRoute({
    method: "PUT",
    path: "/api/quotes/[quoteId]/codes",
    summary: "Sets a quote's theme codes.",
    roles: ["INTERVIEWER", "COORDINATOR"],
    params: ZQuoteParams,
    body: ZCodeIds,
    response: z.object({ codeIds: z.array(z.string()) }),
  }),
};
