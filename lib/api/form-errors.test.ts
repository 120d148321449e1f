import { describe, expect, it } from "vitest";
import { applyFieldErrors } from "@/lib/api/form-errors";
import { apiError } from "@/lib/api/client";

describe("applyFieldErrors", () => {
  const error = apiError(400, { error: { code: "bad_request", message: "x", details: [{ path: "titleRu", message: "titleRequired" }, { path: "cells.3.target", message: "too big" }, { path: "other", message: "hidden" }] } });

  it("sets every field error the form shows, translated, and says how many", () => {
    const set: Array<[string, string | undefined]> = [];
    const count = applyFieldErrors(error, (name, e) => set.push([name, e.message]), { fields: ["titleRu", "cells"], translate: (m) => `t:${m}` });
    expect(count).toBe(2);
    expect(set).toEqual([
      ["titleRu", "t:titleRequired"],
      ["cells.3.target", "t:too big"],
    ]);
  });

  it("sets them all when the form does not limit them", () => {
    const set: string[] = [];
    expect(applyFieldErrors(error, (name) => set.push(name))).toBe(3);
  });
});
