import { route } from "@/lib/http/handler";
import { ZInterviewParams } from "@/lib/interviews/schemas";
import { finishInterview } from "@/lib/interviews/service";

export const POST = route({ roles: ["INTERVIEWER"], params: ZInterviewParams }, async ({ actor, params }) => finishInterview(actor, params.interviewId));
