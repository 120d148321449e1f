import { describe, expect, it } from "vitest";
import { safeReturnPath } from "@/lib/http/safe-path";

describe("the path to return to after sign-in", () => {
  it("keeps paths of this site, with their query", () => {
    expect(safeReturnPath("/coordinator")).toBe("/coordinator");
    expect(safeReturnPath("/coordinator/instruments?x=1#top")).toBe("/coordinator/instruments?x=1#top");
  });

  it("refuses anything a browser could read as another site", () => {
    for (const evil of ["//evil.example", "/\\evil.example", "/\tevil.example", "/\t/evil.example", "https://evil.example", "javascript:alert(1)", "evil", ""]) {
      expect(safeReturnPath(evil), JSON.stringify(evil)).toBeUndefined();
    }
    expect(safeReturnPath(["/a", "/b"])).toBeUndefined();
    expect(safeReturnPath(undefined)).toBeUndefined();
  });
});
