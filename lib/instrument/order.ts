import type { TOption, TQuestionnaire } from "@/lib/instrument/definition";
import { textFingerprint } from "@/lib/i18n/text";

/** A small seeded PRNG (mulberry32): the same seed always gives the same order. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Shuffles the unanchored options among their own positions; anchored ones ("other", "hard to say") stay put. */
export function shuffledCodes(options: TOption[], seed: string): string[] {
  const next = random(parseInt(textFingerprint(seed), 16));
  const movable = options.filter((o) => !o.anchored && !o.other).map((o) => o.code);
  for (let i = movable.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [movable[i], movable[j]] = [movable[j]!, movable[i]!];
  }
  let k = 0;
  return options.map((o) => (o.anchored || o.other ? o.code : movable[k++]!));
}

/**
 * The option order one respondent sees for every shuffled item, made once and then recorded with
 * the response so it never changes for them.
 */
export function optionOrderFor(q: TQuestionnaire, respondentSeed: string): Record<string, string[]> {
  const order: Record<string, string[]> = {};
  for (const section of q.sections) {
    for (const item of section.items) {
      if ("options" in item && item.shuffle) order[item.code] = shuffledCodes(item.options, `${respondentSeed}:${item.code}`);
    }
  }
  return order;
}

/** Options in the recorded order (unknown or missing codes fall back to the definition's order). */
export function orderedOptions(options: TOption[], recorded: string[] | undefined): TOption[] {
  if (!recorded) return options;
  const byCode = new Map(options.map((o) => [o.code, o]));
  // Codes no longer in the item are ignored; what remains must name every option exactly once.
  const known = recorded.filter((c) => byCode.has(c));
  const complete = known.length === options.length && new Set(known).size === options.length;
  return complete ? known.map((c) => byCode.get(c)!) : options;
}
