import { describe, expect, it } from "vitest";
import { apiError, apiHref, routeUrl } from "@/lib/api/client";

describe("routeUrl and apiHref", () => {
  it("fills [segments] encoded and appends only the query's defined values", () => {
    expect(routeUrl("/api/interviews/[interviewId]/notes/[questionCode]/codes", { interviewId: "i1", questionCode: "B1 Q/1" })).toBe("/api/interviews/i1/notes/B1%20Q%2F1/codes");
    expect(routeUrl("/api/quotes", undefined, { code: undefined, block: "", country: "KZ", lang: "ru" })).toBe("/api/quotes?country=KZ&lang=ru");
    expect(() => routeUrl("/api/quotes/[quoteId]", {})).toThrow(/quoteId/);
  });

  it("builds a contract's address from its key", () => {
    expect(apiHref("GET /api/coordinator/studies/[studyId]/exports/data.sav", { params: { studyId: "s1" }, query: { lang: "en" } })).toBe("/api/coordinator/studies/s1/exports/data.sav?lang=en");
  });
});

describe("apiError", () => {
  it("reads the one error shape, keeping the field details", () => {
    const error = apiError(400, { error: { code: "bad_request", message: "The request is not valid.", details: [{ path: "email", message: "Enter a valid e-mail address." }, { nope: 1 }] } });
    expect(error).toEqual({
      status: 400,
      code: "bad_request",
      message: "The request is not valid.",
      details: [{ path: "email", message: "Enter a valid e-mail address." }, { nope: 1 }],
      fields: [{ path: "email", message: "Enter a valid e-mail address." }],
    });
  });

  it("copes with a body that is not ours (a proxy's page)", () => {
    expect(apiError(502, null)).toEqual({ status: 502, code: null, message: null, details: undefined, fields: [] });
  });
});
