import { z } from "zod";
import { EAEU_COUNTRIES } from "@/lib/study/countries";

export const EXPERT_GROUPS = ["SCIENTIST", "OFFICIAL", "BUSINESS", "NONPROFIT"] as const;
export const EXPERT_TRACKS = ["QUESTIONNAIRE", "INTERVIEW", "BOTH"] as const;
export const EXPERT_STATUSES = ["NOMINATED", "VETTED", "REJECTED", "INVITED", "STARTED", "COMPLETED", "DECLINED", "WITHDRAWN"] as const;

export const ZCountry = z.enum(EAEU_COUNTRIES, "Unknown country.");
export const ZExpertGroup = z.enum(EXPERT_GROUPS, "Unknown group.");
export const ZExpertTrack = z.enum(EXPERT_TRACKS, "Unknown track.");
export const ZExpertStatus = z.enum(EXPERT_STATUSES);

const text = (max: number) => z.string().trim().max(max);
/** A whole number or nothing: form fields send "" for an empty number. */
const count = (max: number) =>
  z.preprocess((v) => (v === "" || v === null || v === undefined ? null : typeof v === "string" ? Number(v.trim()) : v),
    z.number("Enter a whole number.").int("Enter a whole number.").min(0, "Enter 0 or more.").max(max, `At most ${max}.`).nullable());

/** An expert's profile as coordinators enter it: the add form, the edit form and each CSV row. */
export const ZExpertFields = z.object({
  name: text(200).min(1, "Enter a name."),
  email: z.string().trim().toLowerCase().max(320).pipe(z.email("Enter a valid e-mail address.")),
  country: ZCountry,
  expertGroup: ZExpertGroup,
  organisation: text(300).default(""),
  position: text(300).default(""),
  degree: text(200).default(""),
  publications: count(10_000).default(null),
  experienceYears: count(80).default(null),
  leadershipRole: text(500).default(""),
  language: z.enum(["ru", "en"], "Use ru or en.").default("ru"),
  track: ZExpertTrack.default("QUESTIONNAIRE"),
  notes: text(4000).default(""),
});
export type TExpertFieldsInput = z.input<typeof ZExpertFields>;
export type TExpertFields = z.output<typeof ZExpertFields>;

export const ZCreateExpert = ZExpertFields.extend({ studyId: z.uuid() });
export const ZUpdateExpert = ZExpertFields;

export const STATUS_ACTIONS = ["decline", "withdraw", "reinstate"] as const;
export type TStatusAction = (typeof STATUS_ACTIONS)[number];
export const ZStatusAction = z.object({ action: z.enum(STATUS_ACTIONS) });

export const ZExpertIdParams = z.object({ id: z.uuid() });

export const ZImportRequest = z.object({ studyId: z.uuid(), csv: z.string().min(1, "The file is empty.").max(200_000), commit: z.boolean() });

export const PANEL_SORTS = ["pseudonym", "name", "country", "group", "status", "activity"] as const;
export const ZPanelQuery = z.object({
  studyId: z.uuid(),
  q: z.string().trim().max(200).optional(),
  country: ZCountry.optional(),
  group: ZExpertGroup.optional(),
  status: ZExpertStatus.optional(),
  track: ZExpertTrack.optional(),
  sort: z.enum(PANEL_SORTS).default("pseudonym"),
  dir: z.enum(["asc", "desc"]).default("asc"),
});
export type TPanelQuery = z.input<typeof ZPanelQuery>;
