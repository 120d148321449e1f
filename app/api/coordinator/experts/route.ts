import { route } from "@/lib/http/handler";
import { ZCreateExpert, ZPanelQuery } from "@/lib/panel/schemas";
import { createExpert, listExperts } from "@/lib/panel/service";
import { badRequest } from "@/lib/errors";

export const GET = route({ roles: ["COORDINATOR"] }, async ({ actor, req }) => {
  const parsed = ZPanelQuery.safeParse(Object.fromEntries(req.nextUrl.searchParams));
  if (!parsed.success) throw badRequest("The query is not valid.", parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })));
  return listExperts(actor, parsed.data);
});

export const POST = route({ roles: ["COORDINATOR"], body: ZCreateExpert }, async ({ actor, body }) => createExpert(actor, body));
