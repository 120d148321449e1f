import { route } from "@/lib/http/handler";
import { ZCodeIds, ZNoteParams } from "@/lib/interviews/schemas";
import { setNoteCodes } from "@/lib/interviews/service";

export const PUT = route({ roles: ["INTERVIEWER", "COORDINATOR"], params: ZNoteParams, body: ZCodeIds }, async ({ actor, params, body }) =>
  setNoteCodes(actor, params.interviewId, params.questionCode, body),
);
