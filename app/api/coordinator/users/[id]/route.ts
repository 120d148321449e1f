import { route } from "@/lib/route/handler";
import { userRoutes } from "@/lib/users/contract";
import { updateStaffUser } from "@/lib/users/service";

export const PATCH = route(userRoutes.update, async ({ actor, params, body }) => ({ user: await updateStaffUser(actor, params.id, body) }));
