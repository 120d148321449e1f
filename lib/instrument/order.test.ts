import { describe, expect, it } from "vitest";
import { ZQuestionnaire, type TOption } from "@/lib/instrument/definition";
import { optionOrderFor, orderedOptions, shuffledCodes } from "@/lib/instrument/order";
import { confirmedText } from "@/lib/i18n/text";

const opt = (code: string, flags: Pick<TOption, "other" | "anchored" | "exclusive"> = {}): TOption => ({ code, label: confirmedText(code, code), ...flags });
const plain = (n: number) => Array.from({ length: n }, (_, i) => opt(`o${i + 1}`));
const codes = (options: TOption[]) => options.map((o) => o.code);
const seeds = (n: number) => Array.from({ length: n }, (_, i) => `respondent-${i}`);

describe("shuffledCodes", () => {
  it("is deterministic for a seed", () => {
    const options = plain(8);
    for (const seed of seeds(20)) expect(shuffledCodes(options, seed)).toEqual(shuffledCodes(options, seed));
  });

  it("is a permutation of the option codes", () => {
    const options = plain(9);
    for (const seed of seeds(50)) expect([...shuffledCodes(options, seed)].sort()).toEqual(codes(options).sort());
  });

  it("differs across seeds", () => {
    const options = plain(5);
    const orders = new Set(seeds(50).map((s) => shuffledCodes(options, s).join(",")));
    expect(orders.size).toBeGreaterThanOrEqual(2);
    // Not stuck in the definition's order either.
    expect([...orders].some((o) => o !== codes(options).join(","))).toBe(true);
  });

  it("moves every movable option to some other place for some seed", () => {
    const options = plain(4);
    const firsts = new Set(seeds(100).map((s) => shuffledCodes(options, s)[0]));
    expect([...firsts].sort()).toEqual(["o1", "o2", "o3", "o4"]);
  });

  it("keeps anchored and 'other' options in place", () => {
    const options = [opt("hard", { anchored: true }), opt("a"), opt("b"), opt("mid", { anchored: true, exclusive: true }), opt("c"), opt("d"), opt("other", { other: true })];
    for (const seed of seeds(60)) {
      const order = shuffledCodes(options, seed);
      expect(order[0]).toBe("hard");
      expect(order[3]).toBe("mid");
      expect(order[6]).toBe("other");
      expect([order[1], order[2], order[4], order[5]].sort()).toEqual(["a", "b", "c", "d"]);
    }
  });

  it("leaves lists with at most one movable option as they are", () => {
    expect(shuffledCodes([], "s")).toEqual([]);
    expect(shuffledCodes([opt("a")], "s")).toEqual(["a"]);
    const options = [opt("a"), opt("x", { anchored: true }), opt("o", { other: true })];
    for (const seed of seeds(10)) expect(shuffledCodes(options, seed)).toEqual(["a", "x", "o"]);
  });
});

describe("optionOrderFor", () => {
  const q = ZQuestionnaire.parse({
    kind: "questionnaire",
    title: confirmedText("Q", "Q"),
    sections: [
      {
        code: "S1",
        title: confirmedText("S", "S"),
        items: [
          { code: "A", type: "single", text: confirmedText("A", "A"), shuffle: true, options: [...plain(5), opt("oth", { other: true })] },
          { code: "B", type: "multi", text: confirmedText("B", "B"), options: plain(5) },
          { code: "C", type: "ranking", text: confirmedText("C", "C"), topK: 2, shuffle: true, options: plain(6) },
          { code: "D", type: "scale", text: confirmedText("D", "D"), min: 1, max: 5 },
        ],
      },
    ],
  });

  it("orders only the shuffled items, deterministically per respondent", () => {
    const order = optionOrderFor(q, "r-1");
    expect(Object.keys(order).sort()).toEqual(["A", "C"]);
    expect(optionOrderFor(q, "r-1")).toEqual(order);
    expect(order.A![5]).toBe("oth");
    expect([...order.C!].sort()).toEqual(["o1", "o2", "o3", "o4", "o5", "o6"]);
  });

  it("gives different respondents different orders", () => {
    const orders = new Set(seeds(30).map((s) => JSON.stringify(optionOrderFor(q, s))));
    expect(orders.size).toBeGreaterThanOrEqual(2);
  });

  it("shuffles each item with its own seed", () => {
    // Same options in two items: over many respondents, their orders are not always equal.
    const twin = ZQuestionnaire.parse({
      ...q,
      sections: [{ ...q.sections[0]!, items: [{ ...q.sections[0]!.items[2]!, code: "C1" }, { ...q.sections[0]!.items[2]!, code: "C2" }] }],
    });
    const differing = seeds(30).filter((s) => {
      const order = optionOrderFor(twin, s);
      return order.C1!.join() !== order.C2!.join();
    });
    expect(differing.length).toBeGreaterThan(0);
  });
});

describe("orderedOptions", () => {
  const options = [opt("a"), opt("b"), opt("c")];

  it("follows the recorded order", () => {
    expect(codes(orderedOptions(options, ["c", "a", "b"]))).toEqual(["c", "a", "b"]);
  });

  it("without a recorded order, keeps the definition order", () => {
    expect(orderedOptions(options, undefined)).toBe(options);
  });

  it("falls back to the definition order for a stale recorded order", () => {
    expect(codes(orderedOptions(options, ["c", "a"]))).toEqual(["a", "b", "c"]);
    expect(codes(orderedOptions(options, ["c", "zzz", "a"]))).toEqual(["a", "b", "c"]);
    expect(codes(orderedOptions(options, []))).toEqual(["a", "b", "c"]);
    expect(codes(orderedOptions([...options, opt("d")], ["c", "a", "b"]))).toEqual(["a", "b", "c", "d"]);
  });

  it("ignores unknown codes when every option is still there", () => {
    expect(codes(orderedOptions(options, ["b", "gone", "c", "a"]))).toEqual(["b", "c", "a"]);
  });

  it("falls back for a recorded order that repeats a code instead of naming every option", () => {
    // ["a", "a", "b"] has as many known codes as there are options, but "c" is missing and "a" twice.
    expect(codes(orderedOptions(options, ["a", "a", "b"]))).toEqual(["a", "b", "c"]);
  });
});
