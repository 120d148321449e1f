import { describe, expect, it } from "vitest";
import { guardCell } from "@/lib/csv/guard";

describe("guardCell", () => {
  it("guards cells a spreadsheet would run as formulas", () => {
    for (const bad of ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"]) expect(guardCell(bad)).toBe(`'${bad}`);
    for (const ok of ["Borders", "1-2", " =x", ""]) expect(guardCell(ok)).toBe(ok);
  });
});
