/**
 * Quotes are anchored in their note by offsets (UTF-16 code units, as the page counts them). When a
 * note is saved with new text, each quote's anchor moves with the edit: the old and the new text are
 * compared (their common beginning and common end; what lies between is what changed), so
 *
 * - a quote wholly before the change keeps its offsets;
 * - a quote wholly after it moves by the change in length;
 * - a quote the change touches keeps its anchor only if its passage is still in the note word for
 *   word: it moves to the occurrence nearest to where it was; otherwise it is flagged
 *   (`noteChanged`): its text stays as it was quoted, its offsets are kept within the new note.
 *
 * Pure.
 */

export type TAnchor = { start: number; end: number; text: string };
export type TMoved = { start: number; end: number; noteChanged: boolean };

const high = (s: string, i: number) => i > 0 && i <= s.length && /[\uD800-\uDBFF]/.test(s[i - 1]!);

/** The changed region: `prefix` units equal at the start, `suffix` at the end (never a surrogate pair split). */
export function changedRegion(before: string, after: string): { prefix: number; suffix: number } {
  const limit = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < limit && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  if (prefix < limit && high(before, prefix)) prefix--;
  let suffix = 0;
  while (suffix < limit - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  // Do not end the common end inside a pair: its low half alone is not a character.
  while (suffix > 0 && /[\uDC00-\uDFFF]/.test(before[before.length - suffix]!)) suffix--;
  return { prefix, suffix };
}

/** Where a quote anchored in `before` lies in `after`. */
export function moveAnchor(before: string, after: string, quote: TAnchor): TMoved {
  if (before === after) return { start: quote.start, end: quote.end, noteChanged: false };
  const { prefix, suffix } = changedRegion(before, after);
  const delta = after.length - before.length;
  const changedEnd = before.length - suffix;
  if (quote.end <= prefix) return { start: quote.start, end: quote.end, noteChanged: false };
  if (quote.start >= changedEnd) return { start: quote.start + delta, end: quote.end + delta, noteChanged: false };
  // The change touches the passage: find it again, nearest to where it was.
  const near = quote.start <= prefix ? quote.start : quote.start + delta;
  let best = -1;
  for (let at = after.indexOf(quote.text); at !== -1 && quote.text.length > 0; at = after.indexOf(quote.text, at + 1)) {
    if (best === -1 || Math.abs(at - near) < Math.abs(best - near)) best = at;
  }
  if (best !== -1) return { start: best, end: best + quote.text.length, noteChanged: false };
  const clamp = (v: number) => Math.max(0, Math.min(after.length, v));
  const start = clamp(Math.min(quote.start, prefix));
  return { start, end: Math.max(start, clamp(quote.end + delta)), noteChanged: true };
}
