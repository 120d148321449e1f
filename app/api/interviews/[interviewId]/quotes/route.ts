import { route } from "@/lib/http/handler";
import { ZInterviewParams } from "@/lib/interviews/schemas";
import { ZCreateQuote } from "@/lib/quotes/schemas";
import { createQuote } from "@/lib/quotes/service";

export const POST = route({ roles: ["INTERVIEWER", "COORDINATOR"], params: ZInterviewParams, body: ZCreateQuote }, async ({ actor, params, body }) =>
  createQuote(actor, params.interviewId, body),
);
