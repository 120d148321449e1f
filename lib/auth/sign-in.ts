import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { recordAudit } from "@/lib/audit/record";
import { consumeInvitation } from "@/lib/auth/invitations";
import { dummyPasswordHash, verifyPassword } from "@/lib/auth/password";
import { ZInvitationSignIn, ZPasswordSignIn } from "@/lib/auth/schemas";
import { createSession } from "@/lib/auth/sessions";
import { ACCOUNT_LIMIT, ACCOUNT_SHARE_PER_PAIR, INVITATION_LIMIT, LINK_REQUEST_LIMIT, PAIR_LIMIT } from "@/lib/auth/throttle-policy";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { UNKNOWN_ADDRESS } from "@/lib/http/client-address";
import { log } from "@/lib/log";
import { clearFailures, longestRetryAfterMs, recordFailure, retryAfterMs, throttleKey } from "@/lib/security/rate-limit";

// Password and invitation sign-in, and requests for a new link, throttled as
// lib/auth/throttle-policy.ts describes.

/** Where an attempt comes from: the client's address (lib/http/client-address.ts) and its device cookie. */
export type TAttempt = { address: string; deviceToken?: string | null; now?: Date };

export class ThrottledError extends Error {
  constructor(readonly retryAfterMs: number) {
    super("throttled");
    this.name = "ThrottledError";
  }
}

export type TSignedIn = { id: string; name: string; role: Role; sessionId: string };

// ---------------------------------------------------------------------------------------------
// Device cookies

export const DEVICE_COOKIE_MAX_AGE_SECONDS = 180 * 24 * 3600;

function deviceMac(secret: string, body: string): Buffer {
  const key = createHmac("sha256", secret).update("expert-panel device cookie v1").digest();
  return createHmac("sha256", key).update(body).digest();
}

/** `userId.nonce.mac`: names the account and this browser; only the server can make one. */
export function makeDeviceToken(secret: string, userId: string, nonce = randomBytes(16).toString("base64url")): string {
  const body = `${userId}.${nonce}`;
  return `${body}.${deviceMac(secret, body).toString("base64url")}`;
}

export function readDeviceToken(secret: string, token: string | null | undefined): { userId: string; nonce: string } | null {
  if (!token || token.length > 200) return null;
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  const [userId, nonce, mac] = parts as [string, string, string];
  const expected = deviceMac(secret, `${userId}.${nonce}`);
  const given = Buffer.from(mac, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { userId, nonce };
}

// ---------------------------------------------------------------------------------------------
// Password

/**
 * Checks an e-mail and password. Returns the new session and the device cookie to set, null for a
 * wrong or unusable sign-in, or throws ThrottledError while one of the attempt's keys waits.
 */
export async function signInWithPassword(
  client: PrismaClient,
  raw: unknown,
  attempt: TAttempt & { secret: string },
): Promise<{ user: TSignedIn; deviceToken: string } | null> {
  const parsed = ZPasswordSignIn.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const now = attempt.now ?? new Date();
  const user = await client.user.findUnique({
    where: { email },
    select: { id: true, role: true, name: true, passwordHash: true, disabledAt: true },
  });
  const device = readDeviceToken(attempt.secret, attempt.deviceToken);
  const knownDevice = device && user && device.userId === user.id ? device : null;
  const pairKey = knownDevice ? throttleKey("signin:device", email, knownDevice.nonce) : throttleKey("signin:pair", email, attempt.address);
  const accountKey = throttleKey("signin:account", email);
  const wait = await longestRetryAfterMs(client, knownDevice ? [pairKey] : [pairKey, accountKey], now);
  if (wait > 0) {
    log.info({ event: "signin.throttled", method: "password" }, "sign-in throttled");
    throw new ThrottledError(wait);
  }

  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !ok || !user.passwordHash || user.disabledAt || user.role === "EXPERT") {
    const pairFailures = await recordFailure(client, pairKey, { limit: PAIR_LIMIT, now });
    if (!knownDevice && pairFailures <= ACCOUNT_SHARE_PER_PAIR) await recordFailure(client, accountKey, { limit: ACCOUNT_LIMIT, now });
    log.info({ event: "signin.failed", method: "password" }, "sign-in refused");
    return null;
  }
  // The pair's own count starts again; the account's count is left to run out, so that a guess
  // spread over many addresses is not reset by the real user signing in.
  await clearFailures(client, pairKey);
  const sessionId = await client.$transaction(async (tx) => {
    const id = await createSession(tx, user);
    await recordAudit(tx, { actorId: user.id, action: "auth.sign_in", entity: "User", entityId: user.id, after: { sessionId: id } });
    return id;
  });
  log.info({ event: "signin", method: "password", userId: user.id, role: user.role }, "signed in");
  return {
    user: { id: user.id, name: user.name, role: user.role, sessionId },
    deviceToken: makeDeviceToken(attempt.secret, user.id, knownDevice?.nonce),
  };
}

// ---------------------------------------------------------------------------------------------
// Invitation links

/**
 * Uses an invitation link. Returns the new session, null for a link that does not work, or throws
 * ThrottledError while the client's address waits. With no known address there is no address to
 * throttle: one shared key would let anybody block every expert's link, so none is kept.
 */
export async function signInWithInvitation(client: PrismaClient, raw: unknown, attempt: TAttempt): Promise<TSignedIn | null> {
  const parsed = ZInvitationSignIn.safeParse(raw);
  if (!parsed.success) return null;
  const now = attempt.now ?? new Date();
  const key = attempt.address === UNKNOWN_ADDRESS ? null : throttleKey("invite:address", attempt.address);
  if (key) {
    const wait = await retryAfterMs(client, key, now);
    if (wait > 0) {
      log.info({ event: "signin.throttled", method: "invitation" }, "invitation throttled");
      throw new ThrottledError(wait);
    }
  }
  // Using the link and opening the session commit together: a failure in between leaves the link usable.
  const outcome = await client
    .$transaction(async (tx) => {
      const result = await consumeInvitation(tx, parsed.data.token, now);
      if (!result.ok) return { ok: false as const, state: result.state };
      const user = await tx.user.findUniqueOrThrow({ where: { id: result.userId }, select: { id: true, role: true, name: true, disabledAt: true } });
      if (user.disabledAt) throw new Error("disabled");
      return { ok: true as const, user, sessionId: await createSession(tx, user) };
    })
    .catch((error: unknown) => {
      if (error instanceof Error && error.message === "disabled") return { ok: false as const, state: "disabled" };
      throw error;
    });
  if (!outcome.ok) {
    if (key) await recordFailure(client, key, { limit: INVITATION_LIMIT, now });
    log.info({ event: "signin.failed", method: "invitation", state: outcome.state }, "invitation refused");
    return null;
  }
  log.info({ event: "signin", method: "invitation", userId: outcome.user.id }, "signed in");
  return { id: outcome.user.id, name: outcome.user.name, role: outcome.user.role, sessionId: outcome.sessionId };
}

// ---------------------------------------------------------------------------------------------
// Asking for a new link

/**
 * Counts a request for a new link from this address; returns how long the address must wait
 * (0: go ahead). As for links, an unknown address is not throttled at all.
 */
export async function linkRequestWaitMs(client: PrismaClient, address: string, now = new Date()): Promise<number> {
  if (address === UNKNOWN_ADDRESS) return 0;
  const key = throttleKey("link-request:address", address);
  const wait = await retryAfterMs(client, key, now);
  if (wait > 0) return wait;
  await recordFailure(client, key, { limit: LINK_REQUEST_LIMIT, now });
  return 0;
}
