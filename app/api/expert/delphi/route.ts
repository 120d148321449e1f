import { route } from "@/lib/route/handler";
import { delphiRoutes } from "@/lib/delphi/contract";
import { getExpertFeedback } from "@/lib/delphi/expert";

/** The expert's own previous answers and the group's, per item of the Delphi round they are in (null outside one). */
export const GET = route(delphiRoutes.feedback, async ({ actor, query }) => ({ feedback: await getExpertFeedback(actor, query.item) }));
