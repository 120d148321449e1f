import { route } from "@/lib/route/handler";
import { studyRoutes } from "@/lib/study/contract";
import { createStudy } from "@/lib/study/service";

export const POST = route(studyRoutes.create, async ({ actor, body }) => createStudy(actor, body));
