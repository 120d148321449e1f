import { route } from "@/lib/http/handler";
import { ZCreateStaffUser } from "@/lib/users/schemas";
import { createStaffUser, listStaff } from "@/lib/users/service";

export const GET = route({ roles: ["COORDINATOR"] }, async ({ actor }) => ({ users: await listStaff(actor) }));

export const POST = route({ roles: ["COORDINATOR"], body: ZCreateStaffUser }, async ({ actor, body }) => ({
  user: await createStaffUser(actor, body),
}));
