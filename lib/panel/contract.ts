import { z } from "zod";
import { ExpertGroup, ExpertStatus, ExpertTrack, ResponseStatus } from "@/lib/generated/prisma/enums";
import { defineRoute, ZIsoDate } from "@/lib/http/contract";
import { IMPORT_COLUMNS } from "@/lib/panel/import";
import { ZCreateExpert, ZExpertIdParams, ZImportRequest, ZPanelQuery, ZStatusAction, ZUpdateExpert } from "@/lib/panel/schemas";
import { ZVettingDecision } from "@/lib/panel/vetting";

const ZPanelRow = z.object({
  user: z.object({ email: z.string(), name: z.string() }),
  id: z.string(),
  pseudonym: z.number(),
  country: z.string(),
  expertGroup: z.enum(ExpertGroup),
  organisation: z.string(),
  status: z.enum(ExpertStatus),
  track: z.enum(ExpertTrack),
  lastActivityAt: ZIsoDate.nullable(),
  linkRequestedAt: ZIsoDate.nullable(),
  responses: z.array(z.object({ id: z.string(), status: z.enum(ResponseStatus) })),
});

/** An expert's fields as the import read them (lib/panel/schemas.ts ZExpertFields, after parsing). */
const ZExpertFieldsView = z.object({
  name: z.string(),
  email: z.string(),
  country: z.string(),
  expertGroup: z.enum(ExpertGroup),
  organisation: z.string(),
  position: z.string(),
  degree: z.string(),
  publications: z.number().nullable(),
  experienceYears: z.number().nullable(),
  leadershipRole: z.string(),
  language: z.enum(["ru", "en"]),
  track: z.enum(ExpertTrack),
  notes: z.string(),
});

/** A CSV import's preview or result (lib/panel/import.ts): every row with its values, and every problem. */
export const ZImportReport = z.object({
  rows: z.array(z.object({ row: z.number(), values: z.record(z.enum(IMPORT_COLUMNS), z.string()), expert: ZExpertFieldsView.nullable() })),
  problems: z.array(z.object({ row: z.number(), field: z.string(), message: z.string() })),
});

/** The link path of a freshly issued invitation, shown once to the coordinator. */
export const ZIssuedLink = z.object({ path: z.string(), expiresAt: ZIsoDate });

export const panelRoutes = {
  list: defineRoute({
    method: "GET",
    path: "/api/coordinator/experts",
    summary: "The study's panel, filtered and sorted.",
    roles: ["COORDINATOR"],
    query: ZPanelQuery,
    response: z.object({ experts: z.array(ZPanelRow), count: z.number() }),
  }),
  create: defineRoute({
    method: "POST",
    path: "/api/coordinator/experts",
    summary: "Nominates an expert to the study's panel.",
    roles: ["COORDINATOR"],
    body: ZCreateExpert,
    response: z.object({ expertId: z.string(), userId: z.string(), pseudonym: z.number() }),
  }),
  update: defineRoute({
    method: "PATCH",
    path: "/api/coordinator/experts/[id]",
    summary: "Edits an expert's details.",
    roles: ["COORDINATOR"],
    params: ZExpertIdParams,
    body: ZUpdateExpert,
    response: z.object({ changed: z.array(z.string()) }),
  }),
  status: defineRoute({
    method: "POST",
    path: "/api/coordinator/experts/[id]/status",
    summary: "Declines, withdraws or reinstates an expert; an illegal move answers 409.",
    roles: ["COORDINATOR"],
    params: ZExpertIdParams,
    body: ZStatusAction,
    response: z.object({ from: z.enum(ExpertStatus), to: z.enum(ExpertStatus) }),
  }),
  vetting: defineRoute({
    method: "PUT",
    path: "/api/coordinator/experts/[id]/vetting",
    summary: "Saves the vetting checklist, and optionally vets or rejects the expert.",
    roles: ["COORDINATOR"],
    params: ZExpertIdParams,
    body: ZVettingDecision,
    response: z.object({ status: z.enum(ExpertStatus), decidedById: z.string().nullable(), decidedAt: ZIsoDate.nullable() }),
  }),
  import: defineRoute({
    method: "POST",
    path: "/api/coordinator/experts/import",
    summary: "Previews (commit: false) or imports (commit: true) a CSV of experts; problems on commit answer 422 with the report.",
    roles: ["COORDINATOR"],
    body: ZImportRequest,
    response: ZImportReport.extend({ imported: z.number() }),
  }),
  invitation: defineRoute({
    method: "POST",
    path: "/api/coordinator/experts/[id]/invitation",
    summary: "Issues a new invitation link for the expert (the old one stops working).",
    roles: ["COORDINATOR"],
    params: ZExpertIdParams,
    response: ZIssuedLink,
  }),
  me: defineRoute({
    method: "GET",
    path: "/api/expert/me",
    summary: "The signed-in expert's own profile (pseudonymous).",
    roles: ["EXPERT"],
    response: z.object({
      expert: z.object({ study: z.object({ titleRu: z.string(), titleEn: z.string() }), pseudonym: z.number(), country: z.string(), expertGroup: z.enum(ExpertGroup) }),
    }),
  }),
};
