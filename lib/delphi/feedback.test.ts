import { describe, expect, it } from "vitest";
import { itemFeedback } from "@/lib/delphi/feedback";
import { needsReason } from "@/lib/delphi/reason";
import type { TMatrixAnswer } from "@/lib/instrument/answers";
import { ZMatrixItem, ZMultiItem, ZRankingItem, ZScaleItem } from "@/lib/instrument/definition";
import { confirmedText } from "@/lib/i18n/text";

const t = confirmedText("x", "x");
const scale = ZScaleItem.parse({ code: "Q1", type: "scale", text: t, min: 1, max: 5, cannotAssess: true });
const pairs = ZMatrixItem.parse({ code: "P", type: "matrix", text: t, min: 1, max: 10, rows: [{ code: "P_A", label: t }, { code: "P_B", label: t }] });
const multi = ZMultiItem.parse({ code: "M", type: "multi", text: t, options: ["A", "B", "C"].map((code) => ({ code, label: t })) });
const ranking = ZRankingItem.parse({ code: "R", type: "ranking", text: t, topK: 2, options: ["A", "B", "C"].map((code) => ({ code, label: t })) });

describe("group feedback", () => {
  it("shows a scale's median, quartiles and histogram, bars below k as unknown, 'cannot assess' left out", () => {
    const answers = [2, 4, 4, 4, 5, 5, 5, 1].map((value) => ({ value })).concat([{ cannotAssess: true } as never]);
    const f = itemFeedback(scale, answers, 2);
    // sorted 1 2 4 4 4 5 5 5: Q1 at h = 1.75 → 2 + 0.75·2 = 3.5, median (4 + 4)/2, Q3 at h = 5.25 → 5
    expect(f).toEqual({
      kind: "numeric",
      rows: [{ code: null, stats: { n: 8, median: 4, q1: 3.5, q3: 5, bars: [{ value: 1, n: null }, { value: 2, n: null }, { value: 3, n: 0 }, { value: 4, n: 3 }, { value: 5, n: 3 }] } }],
    });
  });

  it("shows nothing of an item answered by fewer than k", () => {
    expect(itemFeedback(scale, [{ value: 3 }, { value: 4 }], 3)).toBeNull();
    expect(itemFeedback(multi, [{ choices: ["A"] }, { choices: ["B"] }], 3)).toBeNull();
  });

  it("gives each pair its own figures and hides a pair rated by fewer than k", () => {
    const answers: TMatrixAnswer[] = [{ rows: { P_A: 8, P_B: 3 } }, { rows: { P_A: 9 } }, { rows: { P_A: 7, P_B: "NA" } }];
    const f = itemFeedback(pairs, answers, 2);
    expect(f?.kind).toBe("numeric");
    if (f?.kind !== "numeric") return;
    expect(f.rows[0]!.stats).toMatchObject({ n: 3, median: 8, q1: 7.5, q3: 8.5 });
    expect(f.rows[1]!.stats).toBeNull();
  });

  it("gives choices as % of respondents with the base, counts below k hidden", () => {
    const answers = [{ choices: ["A"] }, { choices: ["A", "B"] }, { choices: ["A", "B"] }, { choices: ["C"] }];
    expect(itemFeedback(multi, answers, 2)).toEqual({
      kind: "choice",
      base: 4,
      options: [
        { code: "A", percent: 75 },
        { code: "B", percent: 50 },
        { code: "C", percent: null },
      ],
    });
  });

  it("orders a ranking's options by mean rank", () => {
    // A: 1, 2, 1 → 4/3; B: 2, 1, 2.5 → 5.5/3; C: 3, 3, 2.5 → 8.5/3 (unranked options tie at the rest's mean)
    const f = itemFeedback(ranking, [{ order: ["A", "B"] }, { order: ["B", "A"] }, { order: ["A"] }], 1);
    expect(f).toMatchObject({ kind: "ranking", n: 3 });
    if (f?.kind !== "ranking") return;
    expect(f.options.map((o) => o.code)).toEqual(["A", "B", "C"]);
    expect(f.options.map((o) => o.meanRank)).toEqual([4 / 3, 5.5 / 3, 8.5 / 3]);
  });
});

describe("when a changed answer asks for a reason", () => {
  const f = itemFeedback(scale, [2, 3, 3, 4, 4].map((value) => ({ value })), 1); // Q1 3, Q3 4

  it("asks when the new value differs from the previous one and lies outside [Q1, Q3]", () => {
    expect(needsReason(scale, f, { value: 3 }, { value: 5 })).toBe(true);
    expect(needsReason(scale, f, { value: 3 }, { value: 4 })).toBe(false); // at Q3: inside
    expect(needsReason(scale, f, { value: 5 }, { value: 5 })).toBe(false); // kept
    expect(needsReason(scale, f, null, { value: 1 })).toBe(true); // no previous answer: a change
    expect(needsReason(scale, null, { value: 3 }, { value: 5 })).toBe(false); // no group figures shown
  });

  it("asks for a matrix when any changed row lies outside its pair's range", () => {
    const answers = [{ rows: { P_A: 8, P_B: 3 } }, { rows: { P_A: 9, P_B: 4 } }, { rows: { P_A: 7, P_B: 5 } }];
    const g = itemFeedback(pairs, answers, 1); // P_A: 7.5–8.5, P_B: 3.5–4.5
    expect(needsReason(pairs, g, { rows: { P_A: 8, P_B: 4 } }, { rows: { P_A: 8, P_B: 9 } })).toBe(true);
    expect(needsReason(pairs, g, { rows: { P_A: 2, P_B: 4 } }, { rows: { P_A: 2, P_B: 4 } })).toBe(false);
  });
});
