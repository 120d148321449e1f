import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csv, csvReference } from "@/lib/exports/formats";

const AWKWARD = [
  ["plain", 1, -2.5, null, ""],
  ['say "hi"', "a,b", "cr\rlf\r\n", "Кириллица"],
  ["=cmd|' /C calc'!A0", "+1", "-x", "@SUM(A1)", "\tTab", "<script>alert(1)</script>", " padded "],
  [0, 998, 999, '="quoted",comma'],
];

describe("export CSV cells", () => {
  it("writes the same bytes as csv-stringify, formula-guarded", () => {
    expect(csv(AWKWARD)).toBe(csvReference(AWKWARD));
    expect(csv([["=1+1"]])).toBe("'=1+1\r\n");
  });

  it("quotes a bare line feed too (csv-stringify leaves it bare with CRLF records), so every parser reads the cell back whole", () => {
    const rows = [...AWKWARD, ["line\nbreak", "x"]];
    const back = parse(csv(rows), { relax_column_count: true }) as string[][];
    expect(back.at(-1)).toEqual(["line\nbreak", "x"]);
    expect(back[2]![0]).toBe("'=cmd|' /C calc'!A0");
    expect(back).toHaveLength(rows.length);
  });
});
