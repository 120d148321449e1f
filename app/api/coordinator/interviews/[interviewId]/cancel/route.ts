import { route } from "@/lib/http/handler";
import { ZInterviewParams } from "@/lib/interviews/schemas";
import { cancelInterview } from "@/lib/interviews/service";

export const POST = route({ roles: ["COORDINATOR"], params: ZInterviewParams }, async ({ actor, params }) => cancelInterview(actor, params.interviewId));
