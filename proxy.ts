import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { HSTS, cameOverHttps, contentSecurityPolicy, newNonce } from "@/lib/http/security-headers";

/**
 * Runs before every page and API route: a per-request CSP nonce (Next reads it from the request's
 * Content-Security-Policy header and puts it on its scripts, which is why pages render dynamically),
 * and HSTS when the request came over HTTPS through a trusted proxy.
 */
export function proxy(request: NextRequest) {
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
