import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { HSTS, cameOverHttps, contentSecurityPolicy, newNonce } from "@/lib/http/security-headers";
import { findUnstorableInUrl } from "@/lib/http/text-input";

/**
 * Runs before every page and API route: a per-request CSP nonce (Next reads it from the request's
 * Content-Security-Policy header and puts it on its scripts, which is why pages render dynamically),
 * and HSTS when the request came over HTTPS through a trusted proxy. An address whose path or query
 * holds a character that cannot be stored (NUL, an unpaired surrogate) is refused here with a 400,
 * for pages and API routes alike (lib/http/text-input.ts; bodies are checked in lib/route/handler.ts).
 */
export function proxy(request: NextRequest) {
  const unstorable = findUnstorableInUrl(request.nextUrl);
  if (unstorable) {
    const headers = { "x-content-type-options": "nosniff", "cache-control": "no-store" };
    if (request.nextUrl.pathname.startsWith("/api/")) {
      return NextResponse.json(
        { error: { code: unstorable.code, message: unstorable.message, details: [{ path: unstorable.path, message: unstorable.message }] } },
        { status: 400, headers },
      );
    }
    return new NextResponse(unstorable.message, { status: 400, headers: { ...headers, "content-type": "text/plain; charset=utf-8" } });
  }
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  if (cameOverHttps(request.headers.get("x-forwarded-proto"), env().TRUSTED_PROXY_HOPS)) {
    response.headers.set("strict-transport-security", HSTS);
  }
  return response;
}

export const config = {
  // Hashed static files need neither; everything else (pages, API, the service worker) gets both.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
