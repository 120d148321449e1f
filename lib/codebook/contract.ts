import { z } from "zod";
import { ZCodeParams, ZCreateCode, ZUpdateCode } from "@/lib/codebook/schemas";
import type { TCodeNode } from "@/lib/codebook/tree";
import { defineRoute, ZOk } from "@/lib/http/contract";
import { ZStudyParams } from "@/lib/study/schemas";

/** A theme code with the codes below it (lib/codebook/tree.ts). */
export const ZCodeNode: z.ZodType<TCodeNode> = z.object({
  id: z.string(),
  code: z.string(),
  nameRu: z.string(),
  nameEn: z.string(),
  descriptionRu: z.string(),
  descriptionEn: z.string(),
  get children() {
    return z.array(ZCodeNode);
  },
});
const ZId = z.object({ id: z.string() });

export const codebookRoutes = {
  list: defineRoute({
    method: "GET",
    path: "/api/coordinator/studies/[studyId]/codes",
    summary: "The study's codebook as a tree.",
    roles: ["COORDINATOR"],
    params: ZStudyParams,
    response: z.object({ codes: z.array(ZCodeNode) }),
  }),
  create: defineRoute({
    method: "POST",
    path: "/api/coordinator/studies/[studyId]/codes",
    summary: "Adds a theme code (optionally below another).",
    roles: ["COORDINATOR"],
    params: ZStudyParams,
    body: ZCreateCode,
    response: ZId,
  }),
  update: defineRoute({
    method: "PATCH",
    path: "/api/coordinator/codes/[codeId]",
    summary: "Renames, describes or moves a code.",
    roles: ["COORDINATOR"],
    params: ZCodeParams,
    body: ZUpdateCode,
    response: ZId,
  }),
  remove: defineRoute({
    method: "DELETE",
    path: "/api/coordinator/codes/[codeId]",
    summary: "Deletes the code and every code below it.",
    roles: ["COORDINATOR"],
    params: ZCodeParams,
    response: ZOk,
  }),
};
