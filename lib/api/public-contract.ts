import { z } from "zod";
import { defineRoute, ZOk } from "@/lib/http/contract";
import { LANGUAGES } from "@/lib/i18n/config";

/** The routes outside the study domains: health, the interface language, a new invitation link, sign-in. */
export const publicRoutes = {
  health: defineRoute({
    method: "GET",
    path: "/api/health",
    summary: "For load balancers and start-up scripts: 200 when the app and its database answer, else 503.",
    roles: "anyone",
    response: z.object({ status: z.enum(["ok", "unavailable"]), database: z.enum(["up", "down"]) }),
  }),
  locale: defineRoute({
    method: "POST",
    path: "/api/locale",
    summary: "Sets the interface language (a cookie, and the account's language when signed in).",
    roles: "anyone",
    body: z.object({ language: z.enum(LANGUAGES) }),
    response: z.object({ language: z.enum(LANGUAGES) }),
  }),
  requestLink: defineRoute({
    method: "POST",
    path: "/api/invitations/request",
    summary: "Asks for a new invitation link for an expired one; answers the same whether or not it named an expert (throttled).",
    roles: "anyone",
    body: z.object({ token: z.string().min(1).max(200) }),
    response: ZOk,
  }),
  authGet: defineRoute({
    method: "GET",
    path: "/api/auth/[...nextauth]",
    summary: "next-auth's own endpoints (session, CSRF token, providers, sign-in pages).",
    roles: "anyone",
    response: { kind: "file", contentType: "application/json or text/html" },
  }),
  authPost: defineRoute({
    method: "POST",
    path: "/api/auth/[...nextauth]",
    summary: "next-auth's sign-in (credentials, invitation link) and sign-out.",
    roles: "anyone",
    response: { kind: "file", contentType: "application/json" },
  }),
};
