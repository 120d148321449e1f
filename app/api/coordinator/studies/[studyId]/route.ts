import { route } from "@/lib/route/handler";
import { studyRoutes } from "@/lib/study/contract";
import { deleteDemoStudy } from "@/lib/study/delete-demo";

export const DELETE = route(studyRoutes.deleteDemo, async ({ actor, params }) => deleteDemoStudy(actor, params.studyId));
