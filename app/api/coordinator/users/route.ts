import { route } from "@/lib/route/handler";
import { userRoutes } from "@/lib/users/contract";
import { createStaffUser, listStaff } from "@/lib/users/service";

export const GET = route(userRoutes.list, async ({ actor }) => ({ users: await listStaff(actor) }));

export const POST = route(userRoutes.create, async ({ actor, body }) => ({ user: await createStaffUser(actor, body) }));
