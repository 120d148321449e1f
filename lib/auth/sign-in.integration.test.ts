import { randomBytes, randomInt } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { issueInvitation } from "@/lib/auth/invitations";
import { ACCOUNT_LIMIT, ACCOUNT_SHARE_PER_PAIR, INVITATION_LIMIT, LINK_REQUEST_LIMIT, PAIR_LIMIT } from "@/lib/auth/throttle-policy";
import {
  ThrottledError,
  linkRequestWaitMs,
  makeDeviceToken,
  signInWithInvitation,
  signInWithPassword,
} from "@/lib/auth/sign-in";
import { generateToken } from "@/lib/auth/tokens";
import { throttleKey } from "@/lib/security/rate-limit";
import { UNKNOWN_ADDRESS } from "@/lib/http/client-address";
import { testPrisma } from "@/lib/testing/db";
import { makeExpert, makeStaff, makeStudy, unique } from "@/lib/testing/factories";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

const SECRET = randomBytes(32).toString("base64url");
/** An address of its own for each client of each test (the run's database is shared by every test). */
const address = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

type TOutcome = "ok" | "refused" | "throttled";

async function password(email: string, pass: string, from: string, deviceToken?: string, now?: Date): Promise<TOutcome> {
  try {
    const outcome = await signInWithPassword(prisma, { email, password: pass }, { address: from, deviceToken, secret: SECRET, now });
    return outcome ? "ok" : "refused";
  } catch (error) {
    if (error instanceof ThrottledError) return "throttled";
    throw error;
  }
}

async function invitation(token: string, from: string): Promise<TOutcome> {
  try {
    return (await signInWithInvitation(prisma, { token }, { address: from })) ? "ok" : "refused";
  } catch (error) {
    if (error instanceof ThrottledError) return "throttled";
    throw error;
  }
}

describe("password sign-in throttling", () => {
  it("a flood of failures from one client, on made-up accounts and on real ones, does not slow the real user on another client", async () => {
    const [user, other] = [await makeStaff(prisma, "INTERVIEWER"), await makeStaff(prisma, "COORDINATOR")];
    const [a, b] = [address(), address()];
    // Client A: made-up accounts, then a long guess at the real one.
    for (let i = 0; i < 20; i++) expect(await password(`nobody-${unique()}@it.test`, "wrong-password", a)).toBe("refused");
    const fromA: TOutcome[] = [];
    for (let i = 0; i < 25; i++) fromA.push(await password(user.email, `guess-${i}`, a));
    expect(fromA.slice(0, PAIR_LIMIT.free + 1)).toEqual(Array(PAIR_LIMIT.free + 1).fill("refused"));
    expect(fromA.at(-1)).toBe("throttled"); // A is slowed down on this account…
    // …but the real user signs in from B at once, without ever having signed in there before…
    expect(await password(user.email, user.password, b)).toBe("ok");
    // …and A's failures on one account never touch another: the other user signs in from A itself.
    expect(await password(other.email, other.password, a)).toBe("ok");
  });

  it("a guess at one account spread over many addresses is slowed for new addresses, with growing delays", async () => {
    const user = await makeStaff(prisma, "INTERVIEWER");
    const now = new Date();
    // Each address makes its share of guesses until the account's free failures are used up.
    let refused = 0;
    let addresses = 0;
    while (refused <= ACCOUNT_LIMIT.free) {
      const from = address();
      addresses++;
      for (let j = 0; j < ACCOUNT_SHARE_PER_PAIR && refused <= ACCOUNT_LIMIT.free; j++) {
        expect(await password(user.email, `guess-${addresses}-${j}`, from, undefined, now)).toBe("refused");
        refused++;
      }
    }
    expect(addresses).toBeGreaterThan(1);
    // A fresh address, even with the right password, now waits: the account is being guessed at.
    expect(await password(user.email, user.password, address(), undefined, now)).toBe("throttled");
    expect(await password(user.email, "another-guess", address(), undefined, now)).toBe("throttled");
    // Once the delay is over, one more failure blocks for longer than the one before.
    const key = throttleKey("signin:account", user.email);
    const before = await prisma.rateLimit.findUniqueOrThrow({ where: { key } });
    const firstDelay = before.blockedUntil!.getTime() - now.getTime();
    const later = new Date(before.blockedUntil!.getTime() + 1);
    expect(await password(user.email, "late-guess", address(), undefined, later)).toBe("refused");
    const after = await prisma.rateLimit.findUniqueOrThrow({ where: { key } });
    expect(after.blockedUntil!.getTime() - later.getTime()).toBeGreaterThan(firstDelay);
    expect(await password(user.email, user.password, address(), undefined, later)).toBe("throttled");
  });

  it("a browser the user has signed in from (device cookie) is not slowed by a guess from elsewhere; a cookie of another account or a forged one counts for nothing", async () => {
    const [user, other] = [await makeStaff(prisma, "INTERVIEWER"), await makeStaff(prisma, "INTERVIEWER")];
    const home = address();
    const first = await signInWithPassword(prisma, { email: user.email, password: user.password }, { address: home, secret: SECRET });
    const device = first!.deviceToken;
    const otherDevice = (await signInWithPassword(prisma, { email: other.email, password: other.password }, { address: home, secret: SECRET }))!.deviceToken;
    // A guess from the user's own address (a shared network), then from many others.
    for (let i = 0; i < PAIR_LIMIT.free + 3; i++) await password(user.email, `guess-home-${i}`, home);
    for (let i = 0; i < 8; i++) {
      const from = address();
      for (let j = 0; j < ACCOUNT_SHARE_PER_PAIR; j++) await password(user.email, `guess-${i}-${j}`, from);
    }
    expect(await password(user.email, user.password, address())).toBe("throttled");
    expect(await password(user.email, user.password, home)).toBe("throttled");
    // The user's browser, from the same or any other address: signed in at once.
    expect(await password(user.email, user.password, home, device)).toBe("ok");
    expect(await password(user.email, user.password, address(), device)).toBe("ok");
    // The other account's cookie, or a forged one, is no exemption.
    expect(await password(user.email, user.password, address(), otherDevice)).toBe("throttled");
    const forged = makeDeviceToken("not-the-secret-".repeat(3), first!.user.id);
    expect(await password(user.email, user.password, address(), forged)).toBe("throttled");
    // A device's own failures still slow that device down.
    const own: TOutcome[] = [];
    for (let i = 0; i < PAIR_LIMIT.free + 2; i++) own.push(await password(user.email, `typo-${i}`, home, device));
    expect(own.at(-1)).toBe("throttled");
  });

  it("one address failing on an account again and again, for hours, never slows the account down for others", async () => {
    const user = await makeStaff(prisma, "INTERVIEWER");
    const a = address();
    const start = Date.now();
    let now = new Date(start);
    // A few guesses every 16 minutes, for two hours: whatever the windows, one address's share stays below the account's free failures.
    for (let round = 0; round < 8; round++) {
      now = new Date(start + round * 16 * 60_000);
      for (let i = 0; i < PAIR_LIMIT.free; i++) expect(["refused", "throttled"]).toContain(await password(user.email, `guess-${round}-${i}`, a, undefined, now));
      expect(await password(user.email, user.password, address(), undefined, now)).toBe("ok");
    }
  });

  it("the answers do not tell an existing account from a made-up one", async () => {
    const user = await makeStaff(prisma, "INTERVIEWER");
    const from = address();
    const made = `nobody-${unique()}@it.test`;
    const real: TOutcome[] = [];
    const fake: TOutcome[] = [];
    for (let i = 0; i < PAIR_LIMIT.free + 3; i++) {
      real.push(await password(user.email, `guess-${i}`, from));
      fake.push(await password(made, `guess-${i}`, from));
    }
    expect(fake).toEqual(real);
  });

  it("stores no e-mail address or client address in its keys", async () => {
    const email = `nobody-${unique()}@it.test`;
    const from = address();
    await password(email, "wrong-password", from);
    const keys = (await prisma.rateLimit.findMany({ select: { key: true } })).map((r) => r.key).join(" ");
    expect(keys).not.toContain(email);
    expect(keys).not.toContain(from);
  });
});

describe("invitation link throttling", () => {
  it("random tokens from one client slow that client only: another expert's valid link works at once", async () => {
    const study = await makeStudy(prisma);
    const [mine, theirs] = [await makeExpert(prisma, study.id), await makeExpert(prisma, study.id)];
    const [a, b] = [address(), address()];
    const link = (expertId: string) => issueInvitation(prisma, { expertId, issuedById: null, ttlDays: 14 }).then((r) => r.token);
    const flood: TOutcome[] = [];
    for (let i = 0; i < INVITATION_LIMIT.free + 5; i++) flood.push(await invitation(generateToken(), a));
    expect(flood.at(-1)).toBe("throttled");
    expect(await invitation(await link(theirs.expertId), b)).toBe("ok");
    // The flooding client is slowed even with a valid link, until its delay is over.
    expect(await invitation(await link(mine.expertId), a)).toBe("throttled");
  });

  it("with no known client address, nothing is shared to block: links keep working", async () => {
    const study = await makeStudy(prisma);
    const expert = await makeExpert(prisma, study.id);
    for (let i = 0; i < INVITATION_LIMIT.free + 5; i++) expect(await invitation(generateToken(), UNKNOWN_ADDRESS)).toBe("refused");
    const { token } = await issueInvitation(prisma, { expertId: expert.expertId, issuedById: null, ttlDays: 14 });
    expect(await invitation(token, UNKNOWN_ADDRESS)).toBe("ok");
  });
});

describe("asking for a new link", () => {
  it("is throttled per client address", async () => {
    const [a, b] = [address(), address()];
    const waits: number[] = [];
    for (let i = 0; i < LINK_REQUEST_LIMIT.free + 3; i++) waits.push(await linkRequestWaitMs(prisma, a));
    expect(waits.slice(0, LINK_REQUEST_LIMIT.free + 1).every((w) => w === 0)).toBe(true);
    expect(waits.at(-1)).toBeGreaterThan(0);
    expect(await linkRequestWaitMs(prisma, b)).toBe(0);
  });
});
