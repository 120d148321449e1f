import { route } from "@/lib/route/handler";
import { panelRoutes } from "@/lib/panel/contract";
import { getOwnExpertProfile } from "@/lib/panel/service";

export const GET = route(panelRoutes.me, async ({ actor }) => ({ expert: await getOwnExpertProfile(actor) }));
