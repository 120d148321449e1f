import { describe, expect, it } from "vitest";
import { cameOverHttps, contentSecurityPolicy, newNonce } from "@/lib/http/security-headers";

describe("cameOverHttps", () => {
  it("never believes X-Forwarded-Proto without a trusted proxy", () => {
    expect(cameOverHttps("https", 0)).toBe(false);
  });
  it("reads the entry our own proxy wrote, not one the client prepended", () => {
    expect(cameOverHttps("https", 1)).toBe(true);
    expect(cameOverHttps("http", 1)).toBe(false);
    expect(cameOverHttps("https, http", 1)).toBe(false);
    expect(cameOverHttps("http, https", 1)).toBe(true);
    expect(cameOverHttps("https, http", 2)).toBe(true);
    expect(cameOverHttps(null, 1)).toBe(false);
  });
});

describe("contentSecurityPolicy", () => {
  it("allows scripts by nonce, never inline, and eval only in development", () => {
    const nonce = newNonce();
    expect(nonce).not.toBe(newNonce());
    const csp = contentSecurityPolicy(nonce, false);
    expect(csp).toContain(`script-src 'self' 'nonce-${nonce}'`);
    expect(csp.split(";").find((d) => d.includes("script-src"))).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
    expect(contentSecurityPolicy(nonce, true)).toContain("'unsafe-eval'");
  });
});
