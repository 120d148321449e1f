import { z } from "zod";
import { ZReportQuery, ZPlanRound, ZRoundAction, ZRoundParams, ZRoundStudyParams } from "@/lib/delphi/schemas";
import type { TExpertFeedback } from "@/lib/delphi/expert-types";
import { defineRoute } from "@/lib/http/contract";
import { ZCode } from "@/lib/instrument/definition";

export const ZFeedbackQuery = z.object({ item: ZCode.optional() });

export const delphiRoutes = {
  plan: defineRoute({
    method: "POST",
    path: "/api/coordinator/studies/[studyId]/rounds",
    summary: "Plans round N+1 of a questionnaire with its consensus and stability rules (audited); it asks nobody until opened.",
    roles: ["COORDINATOR"],
    params: ZRoundStudyParams,
    body: ZPlanRound,
    response: z.object({ id: z.string(), number: z.number() }),
  }),
  status: defineRoute({
    method: "POST",
    path: "/api/coordinator/studies/[studyId]/rounds/[waveId]",
    summary: "Opens a planned round (closing the one still open) or closes an open one (audited).",
    roles: ["COORDINATOR"],
    params: ZRoundParams,
    body: ZRoundAction,
    response: z.object({ status: z.enum(["OPEN", "CLOSED"]) }),
  }),
  report: defineRoute({
    method: "GET",
    path: "/api/coordinator/studies/[studyId]/rounds/[waveId]/report",
    summary: "The round report, or the round-comparison table, as CSV or XLSX (audited).",
    roles: ["COORDINATOR"],
    params: ZRoundParams,
    query: ZReportQuery,
    response: { kind: "file", contentType: "text/csv" },
  }),
  feedback: defineRoute({
    method: "GET",
    path: "/api/expert/delphi",
    summary: "The expert's own previous answers and the group's, per item of the Delphi round they are in (null outside one).",
    roles: ["EXPERT"],
    query: ZFeedbackQuery,
    // The figures are built and protected by lib/delphi/feedback.ts; typed here, not re-checked field by field.
    response: z.object({ feedback: z.custom<TExpertFeedback>((v) => v === null || (typeof v === "object" && v !== null && "round" in v && "items" in v)) }),
  }),
  live: defineRoute({
    method: "GET",
    path: "/api/expert/delphi/live",
    summary: "Server-sent events for a real-time round's expert: `event: change` when answers change in their study (404 outside a real-time round).",
    roles: ["EXPERT"],
    response: { kind: "stream" },
  }),
};
