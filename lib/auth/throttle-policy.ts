import type { TLimit } from "@/lib/security/rate-limit";

/**
 * Throttling of the public sign-in endpoints, made so that nobody can turn it against somebody
 * else (OWASP ASVS 5.0 V6.3: slow guessing down without locking anyone out). Applied by
 * lib/auth/sign-in.ts; the counting itself is lib/security/rate-limit.ts.
 *
 *
 * - A failed password counts against the pair (account, client address): after PAIR_LIMIT.free
 *   failures that address waits, with doubling delays, before it may try that account again.
 *   Other addresses, and other accounts from the same address, are not slowed.
 * - It also counts against the account, but only the first ACCOUNT_SHARE_PER_PAIR failures of each
 *   pair in the pair's window. The pair's window is as long as the account's, so at most two of
 *   them overlap one window of the account: one address adds at most 2 × 3 = 6 < 10 free failures,
 *   and cannot slow the account down however often it fails. Only a guess spread over several
 *   addresses (four at once) slows the account down, and then only for browsers that have not
 *   signed in to it.
 * - A browser that has signed in to the account holds a device cookie for it (signed with
 *   NEXTAUTH_SECRET, OWASP's "device cookies"): its attempts count against (account, device)
 *   instead and ignore the account's count, so even a guess from many addresses leaves the real
 *   user's own browsers alone.
 * - Failures on an account that does not exist are counted in the same way (so the answers do
 *   not tell which accounts exist); they never touch another account's keys.
 * - Invitation links are 256 random bits, so guessing them is hopeless: their failures are
 *   throttled per address only, to slow automation down.
 * - Asking for a new link (a public endpoint whose every answer writes) counts every request per
 *   address.
 *
 * With no known client address (lib/http/client-address.ts) the address-only throttles are off:
 * one shared key would let anybody block everybody. Keys are hashed, so the table holds no
 * typed-in e-mail addresses.
 */
export const PAIR_LIMIT: TLimit = { free: 5, windowMs: 60 * 60_000, maxBlockMs: 15 * 60_000 };
export const ACCOUNT_LIMIT: TLimit = { free: 10, windowMs: 60 * 60_000, maxBlockMs: 15 * 60_000 };
export const ACCOUNT_SHARE_PER_PAIR = 3;
export const INVITATION_LIMIT: TLimit = { free: 10, windowMs: 15 * 60_000, maxBlockMs: 15 * 60_000 };

/** Every request counts: the endpoint answers anyone, and each answer writes. */
export const LINK_REQUEST_LIMIT: TLimit = { free: 10, windowMs: 15 * 60_000, maxBlockMs: 15 * 60_000 };

