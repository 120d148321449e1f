import { route } from "@/lib/http/handler";
import { ZUpdateUser, ZUserIdParams } from "@/lib/users/schemas";
import { updateStaffUser } from "@/lib/users/service";

export const PATCH = route({ roles: ["COORDINATOR"], params: ZUserIdParams, body: ZUpdateUser }, async ({ actor, params, body }) => ({
  user: await updateStaffUser(actor, params.id, body),
}));
