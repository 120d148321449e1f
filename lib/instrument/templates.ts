import type { TDefinition } from "@/lib/instrument/definition";
import { confirmedText } from "@/lib/i18n/text";

/** What a new instrument starts from: one section (or block) with one item, ready to edit. */
export function blankDefinition(kind: "questionnaire" | "guide", title: string): TDefinition {
  const t = confirmedText(title, title);
  if (kind === "guide") {
    return {
      kind: "guide",
      title: t,
      blocks: [{ code: "B1", title: confirmedText("Блок 1", "Block 1"), questions: [{ code: "B1_Q1", text: confirmedText("", ""), probes: [] }] }],
    };
  }
  return {
    kind: "questionnaire",
    title: t,
    sections: [
      {
        code: "S1",
        title: confirmedText("Раздел 1", "Section 1"),
        items: [{ code: "Q1", type: "single", text: confirmedText("", ""), required: true, options: [] }],
      },
    ],
  };
}
