import { afterAll, describe, expect, it } from "vitest";
import { SESSION_POLICY } from "@/lib/auth/session-policy";
import { createSession, revokeSession, revokeUserSessions, validateSession } from "@/lib/auth/sessions";
import { testPool, testPrisma } from "@/lib/testing/db";
import { makeStaff } from "@/lib/testing/factories";

const prisma = testPrisma();
const pool = testPool();
afterAll(async () => {
  await prisma.$disconnect();
  await pool.end();
});

describe("server-side sessions", () => {
  it("a fresh session is valid and names its user and role", async () => {
    const staff = await makeStaff(prisma, "INTERVIEWER");
    const sid = await createSession(prisma, { id: staff.id, role: "INTERVIEWER" });
    expect(await validateSession(pool, sid)).toMatchObject({ userId: staff.id, sessionId: sid, role: "INTERVIEWER" });
  });

  it("a revoked session is refused, and revoking one leaves the user's other sessions alone", async () => {
    const staff = await makeStaff(prisma, "COORDINATOR");
    const a = await createSession(prisma, { id: staff.id, role: "COORDINATOR" });
    const b = await createSession(prisma, { id: staff.id, role: "COORDINATOR" });
    await revokeSession(prisma, a, "sign-out");
    expect(await validateSession(pool, a)).toBeNull();
    expect(await validateSession(pool, b)).not.toBeNull();
    expect(await revokeUserSessions(prisma, staff.id, "disabled")).toBe(1);
    expect(await validateSession(pool, b)).toBeNull();
  });

  it("a session is refused once its user's role differs from the role it was opened with", async () => {
    const staff = await makeStaff(prisma, "INTERVIEWER");
    const sid = await createSession(prisma, { id: staff.id, role: "INTERVIEWER" });
    await prisma.user.update({ where: { id: staff.id }, data: { role: "COORDINATOR" } });
    expect(await validateSession(pool, sid)).toBeNull();
  });

  it("a disabled user's session is refused", async () => {
    const staff = await makeStaff(prisma, "INTERVIEWER");
    const sid = await createSession(prisma, { id: staff.id, role: "INTERVIEWER" });
    await prisma.user.update({ where: { id: staff.id }, data: { disabledAt: new Date() } });
    expect(await validateSession(pool, sid)).toBeNull();
  });

  it("enforces the idle limit, and activity moves it forward", async () => {
    const staff = await makeStaff(prisma, "INTERVIEWER");
    const sid = await createSession(prisma, { id: staff.id, role: "INTERVIEWER" });
    const idleMs = SESSION_POLICY.INTERVIEWER.idleMinutes * 60_000;
    const start = Date.now();
    // Active just before the idle limit: still valid, and "last seen" moves.
    expect(await validateSession(pool, sid, new Date(start + idleMs - 5_000))).not.toBeNull();
    expect(await validateSession(pool, sid, new Date(start + idleMs + 60_000))).not.toBeNull();
    // Then silent for longer than the idle limit.
    expect(await validateSession(pool, sid, new Date(start + 2 * idleMs + 120_000))).toBeNull();
  });

  it("enforces the absolute limit however active the user is", async () => {
    const staff = await makeStaff(prisma, "COORDINATOR");
    const sid = await createSession(prisma, { id: staff.id, role: "COORDINATOR" });
    const absoluteMs = SESSION_POLICY.COORDINATOR.absoluteHours * 3600_000;
    await prisma.authSession.update({ where: { id: sid }, data: { lastSeenAt: new Date(Date.now() + absoluteMs) } });
    expect(await validateSession(pool, sid, new Date(Date.now() + absoluteMs + 1_000))).toBeNull();
  });

  it("an unknown session id is refused", async () => {
    expect(await validateSession(pool, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });
});
