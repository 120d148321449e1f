import { z } from "zod";
import { EAEU_COUNTRIES } from "@/lib/study/countries";

/**
 * A new study as a coordinator describes it (the form's schema and the API's, checked again on the
 * server). Titles, descriptions and the consent text come in the study's languages: Russian,
 * English or both; each language with a title needs its consent text.
 */
export const STUDY_GROUPS = ["SCIENTIST", "OFFICIAL", "BUSINESS", "NONPROFIT"] as const;

const text = (max: number) => z.string().trim().max(max);
const day = z
  .string()
  .trim()
  .regex(/^(\d{4}-\d{2}-\d{2})?$/, "date")
  .transform((v) => (v === "" ? undefined : v))
  .optional();

export const ZStudyCell = z.object({
  country: z.enum(EAEU_COUNTRIES),
  expertGroup: z.enum(STUDY_GROUPS),
  target: z.number().int().min(0).max(100_000),
});

export const ZCreateStudy = z
  .object({
    titleRu: text(300).default(""),
    titleEn: text(300).default(""),
    descriptionRu: text(5_000).default(""),
    descriptionEn: text(5_000).default(""),
    consentRu: text(20_000).default(""),
    consentEn: text(20_000).default(""),
    cells: z.array(ZStudyCell).max(200).default([]),
    suppressionK: z.number().int().min(1).max(100).default(3),
    /** Decimals of percentages in the results (report, charts, aggregates CSV). */
    percentDecimals: z.number().int().min(0).max(2).default(1),
    invitationTtlDays: z.number().int().min(1).max(365).default(14),
    fieldworkStart: day,
    fieldworkEnd: day,
  })
  .superRefine((v, ctx) => {
    if (!v.titleRu && !v.titleEn) ctx.addIssue({ code: "custom", path: ["titleRu"], message: "titleRequired" });
    if (v.titleRu && !v.consentRu) ctx.addIssue({ code: "custom", path: ["consentRu"], message: "consentRequired" });
    if (v.titleEn && !v.consentEn) ctx.addIssue({ code: "custom", path: ["consentEn"], message: "consentRequired" });
    if (new Set(v.cells.map((c) => `${c.country}:${c.expertGroup}`)).size !== v.cells.length) {
      ctx.addIssue({ code: "custom", path: ["cells"], message: "cellTwice" });
    }
    if (v.fieldworkStart && v.fieldworkEnd && v.fieldworkEnd < v.fieldworkStart) {
      ctx.addIssue({ code: "custom", path: ["fieldworkEnd"], message: "endBeforeStart" });
    }
  });
export type TCreateStudyInput = z.input<typeof ZCreateStudy>;
export type TCreateStudy = z.output<typeof ZCreateStudy>;

export const ZStudyRole = z.enum(["COORDINATOR", "INTERVIEWER"]);
export const ZAddMember = z.object({ email: z.string().trim().toLowerCase().max(320).pipe(z.email()), role: ZStudyRole });
export type TAddMember = z.input<typeof ZAddMember>;

export const ZStudyParams = z.object({ studyId: z.uuid() });
export const ZStudyStatusChange = z.object({ to: z.enum(["FIELDWORK", "CLOSED", "ARCHIVED"]) });
export type TStudyStatusChange = z.input<typeof ZStudyStatusChange>;
export const ZMemberParams = z.object({ studyId: z.uuid(), userId: z.uuid() });
