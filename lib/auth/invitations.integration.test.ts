import { afterAll, describe, expect, it } from "vitest";
import { consumeInvitation, inspectInvitation, issueInvitation, requestNewLink } from "@/lib/auth/invitations";
import { hashToken } from "@/lib/auth/tokens";
import { testPrisma } from "@/lib/testing/db";
import { makeExpert, makeStudy } from "@/lib/testing/factories";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

async function freshExpert() {
  const study = await makeStudy(prisma);
  return makeExpert(prisma, study.id);
}

describe("invitation links", () => {
  it("store only the token's hash", async () => {
    const expert = await freshExpert();
    const { token } = await issueInvitation(prisma, { expertId: expert.expertId, issuedById: null, ttlDays: 14 });
    const rows = await prisma.invitationToken.findMany({ where: { expertId: expert.expertId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it("sign in exactly once, even when two requests race", async () => {
    const expert = await freshExpert();
    const { token } = await issueInvitation(prisma, { expertId: expert.expertId, issuedById: null, ttlDays: 14 });
    const results = await Promise.all([consumeInvitation(prisma, token), consumeInvitation(prisma, token), consumeInvitation(prisma, token)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => (r.ok ? null : r.state))).toEqual(["used", "used"]);
    expect((await inspectInvitation(prisma, token)).state).toBe("used");
  });

  it("an expired link is refused", async () => {
    const expert = await freshExpert();
    const issuedAt = new Date(Date.now() - 15 * 24 * 3600_000);
    const { token } = await issueInvitation(prisma, { expertId: expert.expertId, issuedById: null, ttlDays: 14 }, issuedAt);
    expect(await consumeInvitation(prisma, token)).toEqual({ ok: false, state: "expired" });
    expect((await inspectInvitation(prisma, token)).state).toBe("expired");
  });

  it("re-issuing replaces the earlier link", async () => {
    const expert = await freshExpert();
    const first = await issueInvitation(prisma, { expertId: expert.expertId, issuedById: null, ttlDays: 14 });
    const second = await issueInvitation(prisma, { expertId: expert.expertId, issuedById: null, ttlDays: 14 });
    expect(await consumeInvitation(prisma, first.token)).toEqual({ ok: false, state: "replaced" });
    expect(await consumeInvitation(prisma, second.token)).toMatchObject({ ok: true, userId: expert.userId });
  });

  it("unknown and malformed tokens are refused without revealing anything", async () => {
    expect(await consumeInvitation(prisma, "x".repeat(43))).toEqual({ ok: false, state: "unknown" });
    expect(await consumeInvitation(prisma, "../../etc/passwd")).toEqual({ ok: false, state: "unknown" });
    expect(await requestNewLink(prisma, "x".repeat(43))).toBe(false);
  });

  it("a used link can ask for a new one, which coordinators then see", async () => {
    const expert = await freshExpert();
    const { token } = await issueInvitation(prisma, { expertId: expert.expertId, issuedById: null, ttlDays: 14 });
    await consumeInvitation(prisma, token);
    expect(await requestNewLink(prisma, token)).toBe(true);
    const row = await prisma.expert.findUniqueOrThrow({ where: { id: expert.expertId } });
    expect(row.linkRequestedAt).toBeInstanceOf(Date);
  });
});
