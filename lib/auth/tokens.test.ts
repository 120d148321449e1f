import { describe, expect, it } from "vitest";
import { generateToken, hashToken, looksLikeToken } from "@/lib/auth/tokens";
import { fromAcceptLanguage } from "@/lib/i18n/config";
import { isDatabaseUnavailable } from "@/lib/db/errors";

describe("invitation tokens", () => {
  it("carry 256 random bits and are never equal", () => {
    const tokens = new Set(Array.from({ length: 1000 }, generateToken));
    expect(tokens.size).toBe(1000);
    for (const t of tokens) {
      expect(Buffer.from(t, "base64url")).toHaveLength(32);
      expect(looksLikeToken(t)).toBe(true);
    }
  });

  it("are stored as a SHA-256 hash that does not contain the token", () => {
    const token = generateToken();
    const hash = hashToken(token);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(token);
    expect(hashToken(token)).toBe(hash);
  });

  it("malformed tokens are recognised before any lookup", () => {
    expect(looksLikeToken("")).toBe(false);
    expect(looksLikeToken("a".repeat(42))).toBe(false);
    expect(looksLikeToken(`${"a".repeat(42)}/`)).toBe(false);
  });
});

describe("language negotiation", () => {
  it("takes the first supported language of Accept-Language", () => {
    expect(fromAcceptLanguage("de-DE,en;q=0.8,ru;q=0.5")).toBe("en");
    expect(fromAcceptLanguage("ru-RU")).toBe("ru");
    expect(fromAcceptLanguage("de, fr")).toBeNull();
    expect(fromAcceptLanguage(null)).toBeNull();
  });
});

describe("database-unavailable errors", () => {
  it("recognises pool time-outs and server restarts, also when wrapped", () => {
    expect(isDatabaseUnavailable(new Error("timeout exceeded when trying to connect"))).toBe(true);
    // What pg says about a pooled connection the server dropped while restarting.
    expect(isDatabaseUnavailable(new Error("Client has encountered a connection error and is not queryable"))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("write EPIPE"), { code: "EPIPE" }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("wrapped"), { cause: Object.assign(new Error("x"), { code: "57P01" }) }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("unique"), { code: "P2002" }))).toBe(false);
    expect(isDatabaseUnavailable(new Error("syntax error at or near"))).toBe(false);
  });
});
