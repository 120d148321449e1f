import "server-only";
import type { NextAuthOptions, User as NextAuthUser } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db, sql } from "@/lib/db";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { cookies } from "next/headers";
import { recordAudit } from "@/lib/audit/record";
import { SESSION_COOKIE_MAX_AGE_SECONDS } from "@/lib/auth/session-policy";
import { revokeSession, validateSession, type TActor } from "@/lib/auth/sessions";
import { DEVICE_COOKIE_MAX_AGE_SECONDS, signInWithInvitation, signInWithPassword, ThrottledError, type TAttempt, type TSignedIn } from "@/lib/auth/sign-in";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { clientAddress } from "@/lib/http/client-address";

const DEVICE_COOKIE = "expert-panel.device";

/** The device cookie (lib/auth/sign-in.ts) goes only to the sign-in callback, and only over HTTPS when the app is served so. */
function deviceCookie() {
  const secure = env().NEXTAUTH_URL?.startsWith("https://") ?? false;
  return { name: secure ? `__Secure-${DEVICE_COOKIE}` : DEVICE_COOKIE, secure };
}

/** The request's client address and device cookie, as lib/auth/sign-in.ts wants them. */
async function attemptOf(headers: Record<string, unknown> | undefined): Promise<TAttempt> {
  const jar = await cookies();
  return { address: clientAddress(headers, env().TRUSTED_PROXY_HOPS), deviceToken: jar.get(deviceCookie().name)?.value };
}

async function authorizePassword(credentials: unknown, headers: Record<string, unknown> | undefined): Promise<NextAuthUser | null> {
  try {
    const outcome = await signInWithPassword(db(), credentials, { ...(await attemptOf(headers)), secret: env().NEXTAUTH_SECRET });
    if (!outcome) return null;
    const { name, secure } = deviceCookie();
    // Next adds cookies set here to the route handler's response (next-auth's callback answer).
    (await cookies()).set(name, outcome.deviceToken, { httpOnly: true, secure, sameSite: "strict", path: "/api/auth/callback", maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS });
    return outcome.user;
  } catch (error) {
    // next-auth puts the message in the answer's `error`, which the sign-in form reads.
    if (error instanceof ThrottledError) throw new Error("throttled");
    throw error;
  }
}

async function authorizeInvitation(credentials: unknown, headers: Record<string, unknown> | undefined): Promise<NextAuthUser | null> {
  try {
    return await signInWithInvitation(db(), credentials, await attemptOf(headers));
  } catch (error) {
    if (error instanceof ThrottledError) throw new Error("throttled");
    throw error;
  }
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
        authorize: (credentials, req) => authorizePassword(credentials, req.headers),
      }),
      CredentialsProvider({
        id: "invitation",
        name: "Invitation link",
        credentials: { token: { type: "text" } },
        authorize: (credentials, req) => authorizeInvitation(credentials, req.headers),
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
