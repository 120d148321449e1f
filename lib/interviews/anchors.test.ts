import { describe, expect, it } from "vitest";
import { changedRegion, moveAnchor } from "@/lib/interviews/anchors";

const note = "Borders are slow. Customs take days. Trade suffers.";
const at = (text: string, passage: string) => ({ start: text.indexOf(passage), end: text.indexOf(passage) + passage.length, text: passage });
const quote = at(note, "Customs take days.");

describe("quote anchors follow edits of the note", () => {
  it("text inserted before a quote moves it by the inserted length", () => {
    const edited = `Today: ${note}`;
    const moved = moveAnchor(note, edited, quote);
    expect(moved).toEqual({ start: quote.start + 7, end: quote.end + 7, noteChanged: false });
    expect(edited.slice(moved.start, moved.end)).toBe(quote.text);
  });

  it("text removed before it moves it back; an edit after it leaves it", () => {
    const shorter = note.replace("Borders are slow. ", "");
    expect(shorter.slice(moveAnchor(note, shorter, quote).start, moveAnchor(note, shorter, quote).end)).toBe(quote.text);
    expect(moveAnchor(note, `${note} And more.`, quote)).toEqual({ start: quote.start, end: quote.end, noteChanged: false });
  });

  it("an edit touching the quote keeps it where its passage still is word for word, else flags it", () => {
    // Replacing the whole text with one that still contains the passage elsewhere: it follows.
    const rewritten = `Customs take days. ${"x".repeat(5)}`;
    expect(moveAnchor(note, rewritten, quote)).toEqual({ start: 0, end: quote.text.length, noteChanged: false });
    // A typo fixed inside the passage: it is no longer there as quoted.
    const fixed = note.replace("take days", "takes days");
    const moved = moveAnchor(note, fixed, quote);
    expect(moved.noteChanged).toBe(true);
    expect(moved.start).toBeGreaterThanOrEqual(0);
    expect(moved.end).toBeLessThanOrEqual(fixed.length);
  });

  it("counts UTF-16 units and never splits a surrogate pair", () => {
    const text = "😀 Cross-border trade grows.";
    const q = at(text, "trade grows.");
    const edited = `😀😀 ${text.slice(3)}`;
    const moved = moveAnchor(text, edited, q);
    expect(edited.slice(moved.start, moved.end)).toBe("trade grows.");
    expect(changedRegion("a😀b", "a😁b")).toEqual({ prefix: 1, suffix: 1 });
  });
});
