import type { TItem, TQuestionnaire } from "@/lib/instrument/definition";

// Walking a questionnaire's items, without its schemas (so browser code can use it without zod).

/** Items that take an answer (everything but display text). */
export function isAnswerable(item: TItem): boolean {
  return item.type !== "display";
}

export function allItems(q: TQuestionnaire): TItem[] {
  return q.sections.flatMap((s) => s.items);
}
