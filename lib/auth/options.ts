import "server-only";
import type { NextAuthOptions, User as NextAuthUser } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db, sql } from "@/lib/db";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { recordAudit } from "@/lib/audit/record";
import { consumeInvitation } from "@/lib/auth/invitations";
import { dummyPasswordHash, verifyPassword } from "@/lib/auth/password";
import { SESSION_COOKIE_MAX_AGE_SECONDS } from "@/lib/auth/session-policy";
import { createSession, revokeSession, validateSession, type TActor } from "@/lib/auth/sessions";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { clearFailures, recordFailure, retryAfterMs } from "@/lib/security/rate-limit";
import { ZPasswordSignIn, ZInvitationSignIn } from "@/lib/auth/schemas";

type TSignedIn = NextAuthUser & { sessionId: string };

/**
 * The client's address for per-IP throttling. X-Forwarded-For is written by the client too, so
 * only the entries added by our own proxies count: with TRUSTED_PROXY_HOPS=n, the n-th entry from
 * the right. With no trusted proxy, every request shares one key and per-account limits do the work.
 */
function clientIp(headers: Record<string, unknown> | undefined): string {
  const hops = env().TRUSTED_PROXY_HOPS;
  const forwarded = headers?.["x-forwarded-for"];
  if (!hops || typeof forwarded !== "string") return "direct";
  const entries = forwarded.split(",").map((e) => e.trim()).filter(Boolean);
  return entries[entries.length - hops] ?? "direct";
}

async function throttled(keys: string[]): Promise<boolean> {
  for (const key of keys) if ((await retryAfterMs(db(), key)) > 0) return true;
  return false;
}

async function signInWithPassword(raw: unknown, ip: string): Promise<TSignedIn | null> {
  const parsed = ZPasswordSignIn.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const keys = [`signin:account:${email}`, `signin:ip:${ip}`];
  if (await throttled(keys)) throw new Error("throttled");
  const user = await db().user.findUnique({
    where: { email },
    select: { id: true, role: true, name: true, passwordHash: true, disabledAt: true },
  });
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !ok || !user.passwordHash || user.disabledAt || user.role === "EXPERT") {
    for (const key of keys) await recordFailure(db(), key);
    log.info({ event: "signin.failed", method: "password" }, "sign-in refused");
    return null;
  }
  await clearFailures(db(), keys[0]!);
  const sessionId = await db().$transaction(async (tx) => {
    const id = await createSession(tx, user);
    await recordAudit(tx, { actorId: user.id, action: "auth.sign_in", entity: "User", entityId: user.id, after: { sessionId: id } });
    return id;
  });
  log.info({ event: "signin", method: "password", userId: user.id, role: user.role }, "signed in");
  return { id: user.id, name: user.name, sessionId };
}

async function signInWithInvitation(raw: unknown, ip: string): Promise<TSignedIn | null> {
  const parsed = ZInvitationSignIn.safeParse(raw);
  if (!parsed.success) return null;
  const ipKey = `invite:ip:${ip}`;
  if (await throttled([ipKey])) throw new Error("throttled");
  // Using the link and opening the session commit together: a failure in between leaves the link usable.
  const outcome = await db().$transaction(async (tx) => {
    const result = await consumeInvitation(tx, parsed.data.token);
    if (!result.ok) return { ok: false as const, state: result.state };
    const user = await tx.user.findUniqueOrThrow({ where: { id: result.userId }, select: { id: true, role: true, name: true, disabledAt: true } });
    if (user.disabledAt) throw new Error("disabled");
    return { ok: true as const, user, sessionId: await createSession(tx, user) };
  }).catch((error: unknown) => {
    if (error instanceof Error && error.message === "disabled") return { ok: false as const, state: "disabled" };
    throw error;
  });
  if (!outcome.ok) {
    await recordFailure(db(), ipKey);
    log.info({ event: "signin.failed", method: "invitation", state: outcome.state }, "invitation refused");
    return null;
  }
  log.info({ event: "signin", method: "invitation", userId: outcome.user.id }, "signed in");
  return { id: outcome.user.id, name: outcome.user.name, sessionId: outcome.sessionId };
}

let cached: NextAuthOptions | undefined;

/** Built on first use so that `next build` needs no secrets. */
export function authOptions(): NextAuthOptions {
  cached ??= {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_COOKIE_MAX_AGE_SECONDS, updateAge: 0 },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        id: "password",
        name: "E-mail and password",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        authorize: (credentials, req) => signInWithPassword(credentials, clientIp(req.headers)),
      }),
      CredentialsProvider({
        id: "invitation",
        name: "Invitation link",
        credentials: { token: { type: "text" } },
        authorize: (credentials, req) => signInWithInvitation(credentials, clientIp(req.headers)),
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          token.sid = (user as TSignedIn).sessionId;
          return token;
        }
        // Every request re-checks the session row: this is what makes sign-out, disabling and role
        // changes take effect at once in every instance. Throwing makes next-auth drop the cookie,
        // so a database that is down or busy must not throw: the request is answered 503 instead
        // (getActor) and the session survives the outage.
        let actor: TActor | null;
        try {
          actor = typeof token.sid === "string" ? await validateSession(sql(), token.sid) : null;
        } catch (error) {
          if (isDatabaseUnavailable(error)) return { ...token, actor: undefined, unavailable: true };
          throw error;
        }
        if (!actor) throw new Error("session is no longer valid");
        token.actor = actor;
        delete token.unavailable;
        return token;
      },
      async session({ session, token }) {
        return { ...session, actor: token.actor, unavailable: token.unavailable };
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid !== "string") return;
        const sid = token.sid;
        await db().$transaction(async (tx) => {
          const row = await tx.authSession.findUnique({ where: { id: sid }, select: { userId: true, role: true } });
          await revokeSession(tx, sid, "sign-out");
          if (row && row.role !== "EXPERT") {
            await recordAudit(tx, { actorId: row.userId, action: "auth.sign_out", entity: "User", entityId: row.userId });
          }
        });
      },
    },
    logger: {
      error: (code) => log.warn({ event: "next-auth", code }, "next-auth error"),
      warn: (code) => log.warn({ event: "next-auth", code }, "next-auth warning"),
      debug: () => {},
    },
  };
  return cached;
}
