import { describe, expect, it } from "vitest";
import { axisLabel, chartColumns, formatFigure, matchesSearch, sortRows, tableToTsv, valueTicks, wrapLabel } from "@/lib/aggregates/display";
import type { TCell, TTable } from "@/lib/aggregates/types";

const t = (key: string) => ({ option: "Option", count: "Count", pctRespondents: "% of respondents", pctAnswers: "% of all answers", mean: "Mean", row: "Row" })[key] ?? key;
const int = (v: number): TCell => ({ v, f: "int" });
const pct = (v: number): TCell => ({ v, f: "pct" });
const hidden: TCell = { v: null, f: "pct", suppressed: true };

const multi: TTable<TCell> = {
  id: "Q3",
  kind: "options",
  labelKey: "option",
  bases: [{ key: "baseRespondents", cell: int(35) }, { key: "baseAnswers", cell: int(62) }],
  columns: [{ key: "count" }, { key: "pctRespondents" }, { key: "pctAnswers" }],
  rows: [
    { code: "a", label: "Trade,\tmostly", cells: [int(10), pct(28.571), pct(16.129)] },
    { code: "b", label: "Energy", cells: [int(30), pct(85.714), pct(48.387)] },
    { code: "c", label: "Other", cells: [{ v: null, f: "int", suppressed: true }, hidden, hidden] },
    { code: "d", label: "Water", cells: [int(10), pct(28.571), pct(16.129)] },
  ],
  chart: 2,
};

describe("formatFigure", () => {
  it("writes percentages to one decimal by default, or as many as asked", () => {
    expect(formatFigure(pct(45.284), 3)).toBe("45.3");
    expect(formatFigure(pct(45.284), 3, 2)).toBe("45.28");
    expect(formatFigure(pct(45.284), 3, 0)).toBe("45");
  });
  it("leaves counts, means, empty and suppressed figures as the export writes them", () => {
    expect(formatFigure(int(7), 3)).toBe("7");
    expect(formatFigure({ v: 6.456, f: "dec" }, 3)).toBe("6.46");
    expect(formatFigure({ v: null, f: "pct" }, 3)).toBe("—");
    expect(formatFigure(hidden, 3)).toBe("< 3");
  });
});

describe("axis labels", () => {
  it("name the unit and the base: n for respondents, N for answers", () => {
    expect(axisLabel(multi, 1, 3, t)).toBe("% of respondents, n = 35");
    expect(axisLabel(multi, 2, 3, t)).toBe("% of all answers, N = 62");
  });
  it("say only that the base is under k when it is suppressed", () => {
    const small = { ...multi, bases: [{ key: "baseRespondents", cell: { v: null, f: "int", suppressed: true } as TCell }] };
    expect(axisLabel(small, 1, 5, t)).toBe("% of respondents, n < 5");
  });
  it("say nothing of the size of a base hidden to protect another figure", () => {
    const hidden = { ...multi, bases: [{ key: "baseRespondents", cell: { v: null, f: "int", suppressed: true, hidden: true } as TCell }] };
    expect(axisLabel(hidden, 1, 3, t)).toBe("% of respondents, n = –");
  });
  it("name a scale's range on a mean", () => {
    const rows: TTable<TCell> = { id: "Q5", kind: "rows", labelKey: "row", bases: [{ key: "baseRespondents", cell: int(12) }], columns: [{ key: "n" }, { key: "mean" }], rows: [], chart: 1 };
    expect(axisLabel(rows, 1, 3, t, { min: 1, max: 10 })).toBe("Mean (1–10), n = 12");
  });
  it("a multiple choice chart can plot either base, a single choice only its own", () => {
    expect(chartColumns(multi)).toEqual([1, 2]);
    expect(chartColumns({ ...multi, columns: [{ key: "count" }, { key: "pctRespondents" }], chart: 1 })).toEqual([1]);
    expect(chartColumns({ ...multi, chart: undefined })).toEqual([]);
  });
});

describe("sorting by frequency", () => {
  it("puts the largest first, keeps ties in questionnaire order and suppressed rows last", () => {
    expect(sortRows(multi.rows, 1, true).map((r) => r.code)).toEqual(["b", "a", "d", "c"]);
    expect(sortRows(multi.rows, 1, false).map((r) => r.code)).toEqual(["a", "b", "c", "d"]);
  });
});

describe("tab-separated tables", () => {
  it("have a heading row and a row per option, figures as on the page, no stray tabs", () => {
    expect(tableToTsv(multi, 3, t)).toBe(
      ["Option\tCount\t% of respondents\t% of all answers", "Trade, mostly\t10\t28.6\t16.1", "Energy\t30\t85.7\t48.4", "Other\t< 3\t< 3\t< 3", "Water\t10\t28.6\t16.1", ""].join("\n"),
    );
  });
});

describe("chart labels", () => {
  it("wrap at spaces and end a label too long for its lines with an ellipsis", () => {
    expect(wrapLabel("Energy", 20, 2)).toEqual(["Energy"]);
    expect(wrapLabel("It is changing only between individual countries", 20, 2)).toEqual(["It is changing only", "between individual…"]);
    expect(wrapLabel("Supercalifragilisticexpialidocious", 10, 2)).toEqual(["Supercalif", "ragilisti…"]);
  });
});

describe("search", () => {
  const item = { code: "Q12", title: "How does trade between the countries change?" };
  it("finds items by code or by every word of their text, case aside", () => {
    expect(matchesSearch(item, "q1")).toBe(true);
    expect(matchesSearch(item, "Trade countries")).toBe(true);
    expect(matchesSearch(item, "trade energy")).toBe(false);
    expect(matchesSearch(item, "  ")).toBe(true);
  });
});

describe("valueTicks", () => {
  it("gives round, evenly spaced percentages from 0, ending at or just above the largest bar and at 100 at most", () => {
    expect(valueTicks(45.3, { percent: true })).toEqual([0, 10, 20, 30, 40, 50]);
    expect(valueTicks(97, { percent: true })).toEqual([0, 20, 40, 60, 80, 100]);
    expect(valueTicks(62, { percent: true })).toEqual([0, 20, 40, 60, 80]);
    expect(valueTicks(8.57, { percent: true })).toEqual([0, 2, 4, 6, 8, 10]);
    expect(valueTicks(0, { percent: true })).toEqual([0, 25, 50, 75, 100]);
  });

  it("steps by 1, 2, 2.5 or 5 times a power of ten; counts by whole steps", () => {
    for (const max of [0.4, 3, 6.48, 13, 37, 45.3, 99, 250, 1234]) {
      for (const whole of [false, true]) {
        const ticks = valueTicks(max, { whole });
        const step = ticks[1]! - ticks[0]!;
        expect(ticks[0]).toBe(0);
        expect(ticks.at(-1)!).toBeGreaterThanOrEqual(max);
        expect(ticks.at(-1)! - step).toBeLessThan(max);
        expect(ticks.length - 1).toBeLessThanOrEqual(5);
        ticks.forEach((tick, i) => expect(tick).toBeCloseTo(i * step, 9));
        const mantissa = step / 10 ** Math.floor(Math.log10(step));
        expect([1, 2, 2.5, 5]).toContain(Number(mantissa.toFixed(6)));
        if (whole) expect(Number.isInteger(step)).toBe(true);
      }
    }
    expect(valueTicks(3, { whole: true })).toEqual([0, 1, 2, 3]);
    expect(valueTicks(13, { whole: true })).toEqual([0, 5, 10, 15]);
  });
});
