import { route } from "@/lib/http/handler";
import { ZInterviewParams } from "@/lib/interviews/schemas";
import { recordInterviewConsent } from "@/lib/interviews/service";

export const POST = route({ roles: ["INTERVIEWER"], params: ZInterviewParams }, async ({ actor, params }) => recordInterviewConsent(actor, params.interviewId));
