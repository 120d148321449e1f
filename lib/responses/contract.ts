import { z } from "zod";
import { defineRoute, ZIsoDate } from "@/lib/http/contract";
import { ZMatrixAnswer, ZMultiAnswer, ZNumberAnswer, ZRankingAnswer, ZScaleAnswer, ZSingleAnswer, ZTextAnswer } from "@/lib/instrument/answers";
import { ZQuestionnaire, ZText } from "@/lib/instrument/definition";
import { ZConsentDecision, ZResponseParams, ZSaveAnswer } from "@/lib/responses/schemas";

/** A stored answer's value, of any item type (lib/instrument/answers.ts). */
export const ZAnswerValue = z.union([ZSingleAnswer, ZMultiAnswer, ZScaleAnswer, ZMatrixAnswer, ZRankingAnswer, ZNumberAnswer, ZTextAnswer]);

/** An autosave's answer: saved (or a replay of a saved mutation), or 409 with the stored value. */
export const ZSaveAnswerResult = z.discriminatedUnion("status", [
  z.object({ status: z.literal("saved"), revision: z.number(), replay: z.boolean() }),
  z.object({ status: z.literal("conflict"), revision: z.number(), value: ZAnswerValue.nullable() }),
]);

const ZConsentState = z.object({ text: ZText.nullable(), version: z.number(), accepted: z.boolean(), declined: z.boolean() });

/** What the questionnaire page resumes from: the consent, and the version with every saved answer and its revision. */
export const ZQuestionnaireState = z.object({
  consent: ZConsentState,
  closed: z.boolean(),
  questionnaire: z
    .object({
      responseId: z.string().nullable(),
      status: z.string(),
      versionId: z.string(),
      definition: ZQuestionnaire,
      optionOrder: z.record(z.string(), z.array(z.string())),
      answers: z.record(z.string(), z.object({ value: ZAnswerValue.nullable(), revision: z.number() })),
    })
    .nullable(),
});

export const responseRoutes = {
  questionnaire: defineRoute({
    method: "GET",
    path: "/api/expert/questionnaire",
    summary: "The expert's questionnaire and every saved answer with its revision (to resume and to sync tabs).",
    roles: ["EXPERT"],
    response: ZQuestionnaireState,
  }),
  saveAnswer: defineRoute({
    method: "POST",
    path: "/api/expert/answers",
    summary: "Autosave of one answer: 200 once committed, 409 with the stored value when a newer one exists.",
    roles: ["EXPERT"],
    body: ZSaveAnswer,
    response: ZSaveAnswerResult,
  }),
  consent: defineRoute({
    method: "POST",
    path: "/api/expert/consent",
    summary: "Records the expert's consent decision on the current consent text.",
    roles: ["EXPERT"],
    body: ZConsentDecision,
    response: z.object({ decision: z.enum(["ACCEPTED", "DECLINED"]) }),
  }),
  submit: defineRoute({
    method: "POST",
    path: "/api/expert/submit",
    summary: "Submits the expert's response (422 with the missing required items otherwise).",
    roles: ["EXPERT"],
    response: z.object({ status: z.literal("SUBMITTED"), submittedAt: ZIsoDate.nullable() }),
  }),
  reopen: defineRoute({
    method: "POST",
    path: "/api/coordinator/responses/[responseId]/reopen",
    summary: "Reopens a submitted response so the expert can change it.",
    roles: ["COORDINATOR"],
    params: ZResponseParams,
    response: z.object({ status: z.literal("IN_PROGRESS") }),
  }),
};
