import { route } from "@/lib/http/handler";
import { ZCreateStudy } from "@/lib/study/schemas";
import { createStudy } from "@/lib/study/service";

export const POST = route({ roles: ["COORDINATOR"], body: ZCreateStudy }, async ({ actor, body }) => createStudy(actor, body));
