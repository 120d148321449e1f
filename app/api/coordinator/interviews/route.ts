import { route } from "@/lib/http/handler";
import { ZCreateInterview } from "@/lib/interviews/schemas";
import { createInterview, listInterviews } from "@/lib/interviews/service";

export const GET = route({ roles: ["COORDINATOR"] }, async ({ actor }) => listInterviews(actor));

export const POST = route({ roles: ["COORDINATOR"], body: ZCreateInterview }, async ({ actor, body }) => createInterview(actor, body));
