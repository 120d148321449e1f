import { describe, expect, it } from "vitest";
import { findUnstorableInUrl, findUnstorableText, isStorableText } from "@/lib/http/text-input";

describe("text that cannot be stored", () => {
  it("is NUL and unpaired surrogates; every other character, astral ones included, is fine", () => {
    expect(isStorableText("Привет, 世界 👋🏽 \u0001 \uffff \ufffd")).toBe(true);
    expect(isStorableText("a\u0000b")).toBe(false);
    expect(isStorableText("\ud800x")).toBe(false);
    expect(isStorableText("x\udc00")).toBe(false);
    expect(isStorableText("\ud83d")).toBe(false);
    expect(isStorableText("\ud83d\udc4b")).toBe(true);
  });

  it("is found at any depth of a JSON value, in strings and in keys, and named by its path", () => {
    expect(findUnstorableText({ name: "Anna", items: [{ text: "ok" }, { text: "b\u0000d" }] })).toBe("items.1.text");
    expect(findUnstorableText({ a: { "k\ud800": 1 } })).toBe("a.k\ufffd");
    expect(findUnstorableText("\u0000")).toBe("");
    expect(findUnstorableText({ name: "Анна 👋", n: 1, ok: true, none: null, list: [1, "two"] })).toBeNull();
  });

  it("survives a body nested as deep as the size limit allows", () => {
    const depth = 120_000;
    const deep = JSON.parse(`${"[".repeat(depth)}"\\u0000"${"]".repeat(depth)}`) as unknown;
    expect(findUnstorableText(deep)).toBe(Array(depth).fill("0").join("."));
  });

  it("is found in a query parameter or a path segment of an address", () => {
    expect(findUnstorableInUrl(new URL("http://x/api/coordinator/experts?study=1&q=%00"))).toMatchObject({ path: "q" });
    expect(findUnstorableInUrl(new URL("http://x/coordinator/panel?q=a%00b"))?.message).toMatch(/query parameter "q"/);
    expect(findUnstorableInUrl(new URL("http://x/coordinator/panel/%00"))?.message).toMatch(/address/);
    expect(findUnstorableInUrl(new URL("http://x/coordinator/panel?q=%D0%90%F0%9F%91%8B"))).toBeNull();
    expect(findUnstorableInUrl(new URL("http://x/a?q=%ED%A0%80"))).toBeNull(); // read as U+FFFD
    expect(findUnstorableInUrl(new URL("http://x/api/interviews/%ED%A0%80"))?.message).toMatch(/not percent-encoded UTF-8/);
  });
});
