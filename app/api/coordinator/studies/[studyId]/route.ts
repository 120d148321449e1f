import { route } from "@/lib/http/handler";
import { deleteDemoStudy } from "@/lib/study/delete-demo";
import { ZStudyIdParams } from "@/lib/study/schemas";

export const DELETE = route({ roles: ["COORDINATOR"], params: ZStudyIdParams }, async ({ actor, params }) => deleteDemoStudy(actor, params.studyId));
