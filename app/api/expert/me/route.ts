import { route } from "@/lib/http/handler";
import { getOwnExpertProfile } from "@/lib/panel/service";

export const GET = route({ roles: ["EXPERT"] }, async ({ actor }) => ({ expert: await getOwnExpertProfile(actor) }));
