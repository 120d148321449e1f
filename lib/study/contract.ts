import { z } from "zod";
import { StudyRole, StudyStatus } from "@/lib/generated/prisma/enums";
import { defineRoute, ZIsoDate, ZOk } from "@/lib/http/contract";
import { ZAddMember, ZCreateStudy, ZMemberParams, ZStudyParams, ZStudyRole, ZStudyStatusChange } from "@/lib/study/schemas";

export const ZMember = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(StudyRole),
  disabled: z.boolean(),
  addedAt: ZIsoDate,
});

export const studyRoutes = {
  create: defineRoute({
    method: "POST",
    path: "/api/coordinator/studies",
    summary: "Creates a study with its panel cells; the creator becomes its coordinator.",
    roles: ["COORDINATOR"],
    body: ZCreateStudy,
    response: z.object({ id: z.string(), slug: z.string() }),
  }),
  setStatus: defineRoute({
    method: "POST",
    path: "/api/coordinator/studies/[studyId]/status",
    summary: "Moves the study along its life cycle (draft, fieldwork, closed, archived).",
    roles: ["COORDINATOR"],
    params: ZStudyParams,
    body: ZStudyStatusChange,
    response: z.object({ status: z.enum(StudyStatus) }),
  }),
  members: defineRoute({
    method: "GET",
    path: "/api/coordinator/studies/[studyId]/members",
    summary: "The study's team.",
    roles: ["COORDINATOR"],
    params: ZStudyParams,
    response: z.object({ members: z.array(ZMember) }),
  }),
  addMember: defineRoute({
    method: "POST",
    path: "/api/coordinator/studies/[studyId]/members",
    summary: "Adds a staff member to the study's team.",
    roles: ["COORDINATOR"],
    params: ZStudyParams,
    body: ZAddMember,
    response: z.object({ userId: z.string(), role: ZStudyRole }),
  }),
  removeMember: defineRoute({
    method: "DELETE",
    path: "/api/coordinator/studies/[studyId]/members/[userId]",
    summary: "Removes a member from the study's team.",
    roles: ["COORDINATOR"],
    params: ZMemberParams,
    response: ZOk,
  }),
  deleteDemo: defineRoute({
    method: "DELETE",
    path: "/api/coordinator/studies/[studyId]",
    summary: "Deletes the demo study and everything in it, in one audited step (demo studies only).",
    roles: ["COORDINATOR"],
    params: ZStudyParams,
    response: z.object({ deleted: z.literal(true) }),
  }),
};
