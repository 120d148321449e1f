/**
 * The Content-Security-Policy and HSTS decisions made per request by proxy.ts. Kept free of
 * Next imports so unit tests can check them directly.
 */

/** A fresh, unguessable nonce for one response (128 random bits, base64). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Scripts only from our origin or carrying this response's nonce (Next puts it on its own inline
 * bootstrap scripts); no 'unsafe-inline', and 'unsafe-eval' only for the dev server's tooling.
 * Styles keep 'unsafe-inline': React writes style attributes, and a nonce there would disable it.
 */
export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export const HSTS = "max-age=31536000; includeSubDomains";

/**
 * Whether the visitor reached us over HTTPS. `next start` never terminates TLS itself, so HTTPS
 * always means a proxy in front, and Next derives the request's protocol from X-Forwarded-Proto,
 * which any client can write. So that header counts only when TRUSTED_PROXY_HOPS says our own
 * proxies set it: with n hops, the entry the n-th proxy from us wrote (as for X-Forwarded-For).
 */
export function cameOverHttps(forwardedProto: string | null, trustedProxyHops: number): boolean {
  if (!trustedProxyHops || !forwardedProto) return false;
  const entries = forwardedProto.split(",").map((e) => e.trim().toLowerCase()).filter(Boolean);
  const entry = entries[Math.max(0, entries.length - trustedProxyHops)];
  return entry === "https";
}
