import { z } from "zod";
import { Language, Role } from "@/lib/generated/prisma/enums";
import { defineRoute, ZIsoDate } from "@/lib/http/contract";
import { ZCreateStaffUser, ZUpdateUser, ZUserIdParams } from "@/lib/users/schemas";

export const ZStaffUser = z.object({
  id: z.string(),
  createdAt: ZIsoDate,
  language: z.enum(Language),
  email: z.string(),
  name: z.string(),
  role: z.enum(Role),
  isAdmin: z.boolean(),
  disabledAt: ZIsoDate.nullable(),
});

export const userRoutes = {
  list: defineRoute({
    method: "GET",
    path: "/api/coordinator/users",
    summary: "Every staff account (administrators only).",
    roles: ["COORDINATOR"],
    response: z.object({ users: z.array(ZStaffUser) }),
  }),
  create: defineRoute({
    method: "POST",
    path: "/api/coordinator/users",
    summary: "Creates a staff account (administrators only).",
    roles: ["COORDINATOR"],
    body: ZCreateStaffUser,
    response: z.object({ user: ZStaffUser }),
  }),
  update: defineRoute({
    method: "PATCH",
    path: "/api/coordinator/users/[id]",
    summary: "Changes a staff account: name, role, administrator flag, disabled (administrators only).",
    roles: ["COORDINATOR"],
    params: ZUserIdParams,
    body: ZUpdateUser,
    response: z.object({ user: ZStaffUser }),
  }),
};
