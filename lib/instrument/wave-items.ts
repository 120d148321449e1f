import type { TQuestionnaire } from "@/lib/instrument/definition";

/** What a wave asks: every item (no codes), or only the items it names (a Delphi round of a subset). */
type TAsked = { itemCodes: readonly string[] };

export function askedIn(wave: TAsked, itemCode: string): boolean {
  return wave.itemCodes.length === 0 || wave.itemCodes.includes(itemCode);
}

/**
 * The questionnaire as a wave asks it: all of it, or only the named items in their sections (sections
 * left empty are dropped, and so is every item the wave does not name, texts included). A condition on an
 * item the wave does not ask is dropped too: it would otherwise hide its item for want of an answer that
 * belongs to an earlier wave.
 */
export function askedItemsOf(q: TQuestionnaire, wave: TAsked): TQuestionnaire {
  if (wave.itemCodes.length === 0) return q;
  const asked = new Set(wave.itemCodes);
  const keep = <T extends { showIf?: Array<{ item: string }> }>(x: T): T =>
    x.showIf ? { ...x, showIf: x.showIf.filter((c) => asked.has(c.item)) } : x;
  return {
    ...q,
    sections: q.sections
      .map((s) => keep({ ...s, items: s.items.filter((i) => asked.has(i.code)).map(keep) }))
      .filter((s) => s.items.length > 0),
  };
}
