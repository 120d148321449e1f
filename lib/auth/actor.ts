import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { authOptions } from "@/lib/auth/options";
import { validateSession, type TActor } from "@/lib/auth/sessions";
import { interviewsForAStudy } from "@/lib/auth/sql";
import { sql } from "@/lib/db";
import { env } from "@/lib/env";
import type { Role } from "@/lib/generated/prisma/enums";
import { forbidden, unauthenticated, unavailable } from "@/lib/errors";

/** next-auth's cookie name: the `__Secure-` prefix when the site is served over https. */
function sessionCookieName(): string {
  return `${env().NEXTAUTH_URL?.startsWith("https://") ? "__Secure-" : ""}next-auth.session-token`;
}

/**
 * Session cookies already decoded (cookie -> session id, until the cookie's own expiry): decoding
 * costs a key derivation and a decryption, and the same cookie comes with every request of a
 * session. Only the cookie's meaning is kept here; the session row is still checked on every
 * request, so a revoked session ends at once on every instance.
 */
const decoded = new Map<string, { sid: string; until: number }>();
const DECODED_KEPT = 10_000;

async function sessionIdOf(raw: string): Promise<string | null> {
  const hit = decoded.get(raw);
  if (hit && hit.until > Date.now()) return hit.sid;
  const token = await decode({ token: raw, secret: env().NEXTAUTH_SECRET }).catch(() => null);
  if (typeof token?.sid !== "string") return null;
  decoded.set(raw, { sid: token.sid, until: typeof token.exp === "number" ? token.exp * 1000 : Date.now() });
  if (decoded.size > DECODED_KEPT) decoded.delete(decoded.keys().next().value!);
  return token.sid;
}

/**
 * The signed-in user of this request, re-validated against the database; null when anonymous.
 * The cookie only names the session row (lib/auth/options.ts); reading it here directly costs one
 * decryption and one query, where next-auth's getServerSession would also re-encrypt and re-send
 * the cookie on every request. The cookie's own lifetime outlasts every session policy, so not
 * sliding it changes nothing: the row's idle and absolute limits decide. When the database cannot
 * be asked, the error propagates (a 503 from lib/route/handler.ts) and the cookie is kept.
 */
export const getActor = cache(async (): Promise<TActor | null> => {
  const jar = await cookies();
  const name = sessionCookieName();
  const raw = jar.get(name)?.value;
  if (!raw) {
    // A cookie next-auth had to split into chunks: let next-auth reassemble it.
    if (!jar.has(`${name}.0`)) return null;
    const session = await getServerSession(authOptions());
    if (session?.unavailable) throw unavailable();
    return session?.actor ?? null;
  }
  const sid = await sessionIdOf(raw);
  return sid ? validateSession(sql(), sid) : null;
});

/**
 * A coordinator's account on the team of some study as an interviewer also works in the
 * interviewer's area: there it acts as an interviewer, and the data layer scopes it as one (its own
 * interviews in the studies it interviews for), never as a coordinator.
 */
export async function actingAs(actor: TActor, roles: readonly Role[]): Promise<TActor | null> {
  if (roles.includes(actor.role)) return actor;
  if (actor.role !== "COORDINATOR" || !roles.includes("INTERVIEWER")) return null;
  return (await interviewsForAStudy(sql(), actor.userId)) ? { ...actor, role: "INTERVIEWER" } : null;
}

/** For data-layer functions: the actor, who must have one of the roles, or an AppError. */
export async function requireActor(roles: readonly Role[]): Promise<TActor> {
  const actor = await getActor();
  if (!actor) throw unauthenticated();
  const acting = await actingAs(actor, roles);
  if (!acting) throw forbidden();
  return acting;
}

const HOME: Record<Role, string> = { COORDINATOR: "/coordinator", INTERVIEWER: "/interviewer", EXPERT: "/expert" };
export const homeOf = (role: Role) => HOME[role];

/**
 * For pages: anonymous visitors go to sign-in; a signed-in user of another role gets a 404, so a
 * page never confirms what lies behind another role's URL.
 */
export async function requirePageActor(role: Role, returnTo: string): Promise<TActor> {
  const actor = await getActor();
  if (!actor) {
    redirect(role === "EXPERT" ? "/invite" : `/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  }
  const acting = await actingAs(actor, [role]);
  if (!acting) notFound();
  return acting;
}
