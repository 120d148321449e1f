import { z } from "zod";

/** The study's vetting criteria (docs: STUDY.md "To be vetted, an expert meets a set of criteria"). */
export const VETTING_CRITERIA = [
  { key: "degreePublications", label: { ru: "Учёная степень и публикации по теме исследования", en: "A degree and publications on the research issues" } },
  { key: "expertExperience", label: { ru: "Опыт экспертной и исследовательской работы по проблеме", en: "Experience of expert work and research on the issue" } },
  {
    key: "eurasianLeadership",
    label: {
      ru: "Руководство или работа в общественных и научных организациях, активных в евразийской интеграции",
      en: "Leadership of, or work in, public and scientific organisations active in Eurasian integration",
    },
  },
] as const;

export type TCriterionKey = (typeof VETTING_CRITERIA)[number]["key"];
export const CRITERION_KEYS = VETTING_CRITERIA.map((c) => c.key) as [TCriterionKey, ...TCriterionKey[]];

const ZCriterion = z.object({ met: z.boolean(), note: z.string().trim().max(1000).default("") });
export const ZVettingChecklist = z.object(Object.fromEntries(CRITERION_KEYS.map((k) => [k, ZCriterion])) as Record<TCriterionKey, typeof ZCriterion>);
export type TVettingChecklist = z.output<typeof ZVettingChecklist>;

export const ZVettingDecision = z.object({ checklist: ZVettingChecklist, decision: z.enum(["VETTED", "REJECTED"]).optional() });
export type TVettingDecision = z.input<typeof ZVettingDecision>;

/** The stored checklist, with every criterion present (unknown or malformed entries read as unmet). */
export function readChecklist(stored: unknown): TVettingChecklist {
  const source = (stored && typeof stored === "object" ? stored : {}) as Record<string, unknown>;
  return Object.fromEntries(
    CRITERION_KEYS.map((k) => {
      const parsed = ZCriterion.safeParse(source[k]);
      return [k, parsed.success ? parsed.data : { met: false, note: "" }];
    }),
  ) as TVettingChecklist;
}

export function allCriteriaMet(checklist: TVettingChecklist): boolean {
  return CRITERION_KEYS.every((k) => checklist[k].met);
}
