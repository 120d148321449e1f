import { afterAll, describe, expect, it } from "vitest";
import { validateSession } from "@/lib/auth/sessions";
import { db, sql } from "@/lib/db";
import { createStaffUser, listStaff, updateStaffUser } from "@/lib/users/service";
import { listPanel, reissueInvitation, getOwnExpertProfile } from "@/lib/panel/service";
import { ZCreateStaffUser } from "@/lib/users/schemas";
import { testPrisma } from "@/lib/testing/db";
import { actorFor, makeExpert, makeStaff, makeStudy, unique } from "@/lib/testing/factories";
import { rejection } from "@/lib/testing/errors";

const prisma = testPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await db().$disconnect();
});


describe("staff accounts (data layer)", () => {
  it("only the administrator can list, create or change accounts: a coordinator who is not one cannot", async () => {
    const interviewer = await actorFor(prisma, (await makeStaff(prisma, "INTERVIEWER")).id);
    const coordinator = await actorFor(prisma, (await makeStaff(prisma, "COORDINATOR")).id);
    const input = ZCreateStaffUser.parse({ email: `x-${unique()}@it.test`, name: "X", role: "COORDINATOR", password: "long-enough-password" });
    for (const actor of [interviewer, coordinator]) {
      expect((await rejection(listStaff(actor))).status).toBe(403);
      expect((await rejection(createStaffUser(actor, input))).status).toBe(403);
      expect((await rejection(updateStaffUser(actor, interviewer.userId, { role: "COORDINATOR" }))).status).toBe(403);
    }
    expect(await prisma.user.count({ where: { email: input.email } })).toBe(0);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: interviewer.userId } })).role).toBe("INTERVIEWER");
  });

  it("creates an account with an argon2id hash and an audit entry", async () => {
    const coordinator = await actorFor(prisma, (await makeStaff(prisma, "COORDINATOR", { isAdmin: true })).id);
    const input = ZCreateStaffUser.parse({ email: `New-${unique()}@IT.test`, name: "New Person", role: "INTERVIEWER", password: "long-enough-password" });
    const user = await createStaffUser(coordinator, input);
    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.email).toBe(input.email.toLowerCase());
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    const audit = await prisma.auditEvent.findFirst({ where: { entityId: user.id, action: "user.create" } });
    expect(audit?.actorId).toBe(coordinator.userId);
    expect(JSON.stringify(audit, (_k, v) => (typeof v === "bigint" ? String(v) : v))).not.toContain("long-enough-password");
  });

  it("a duplicate e-mail is a clear conflict and writes nothing", async () => {
    const coordinator = await actorFor(prisma, (await makeStaff(prisma, "COORDINATOR", { isAdmin: true })).id);
    const existing = await makeStaff(prisma, "INTERVIEWER");
    const before = await prisma.auditEvent.count();
    const input = ZCreateStaffUser.parse({ email: existing.email, name: "Dup", role: "INTERVIEWER", password: "long-enough-password" });
    const error = await rejection(createStaffUser(coordinator, input));
    expect(error.status).toBe(409);
    expect(await prisma.auditEvent.count()).toBe(before);
  });

  it("a role change or disabling ends the user's sessions and is audited with old and new values", async () => {
    const coordinator = await actorFor(prisma, (await makeStaff(prisma, "COORDINATOR", { isAdmin: true })).id);
    const target = await actorFor(prisma, (await makeStaff(prisma, "INTERVIEWER")).id);
    await updateStaffUser(coordinator, target.userId, { role: "COORDINATOR" });
    expect(await validateSession(sql(), target.sessionId)).toBeNull();
    const audit = await prisma.auditEvent.findFirst({ where: { entityId: target.userId, action: "user.update" }, orderBy: { id: "desc" } });
    expect(audit?.before).toEqual({ role: "INTERVIEWER", disabled: false });
    expect(audit?.after).toEqual({ role: "COORDINATOR", disabled: false });

    const again = await actorFor(prisma, target.userId);
    await updateStaffUser(coordinator, target.userId, { disabled: true });
    expect(await validateSession(sql(), again.sessionId)).toBeNull();
  });

  it("the last active coordinator cannot be demoted or disabled", async () => {
    // Disable every other coordinator in this database copy first, inside a scratch scope.
    const coordinator = await actorFor(prisma, (await makeStaff(prisma, "COORDINATOR", { isAdmin: true })).id);
    const others = await prisma.user.findMany({ where: { role: "COORDINATOR", disabledAt: null, id: { not: coordinator.userId } }, select: { id: true } });
    await prisma.user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { disabledAt: new Date() } });
    try {
      expect((await rejection(updateStaffUser(coordinator, coordinator.userId, { role: "INTERVIEWER" }))).status).toBe(409);
      expect((await rejection(updateStaffUser(coordinator, coordinator.userId, { disabled: true }))).status).toBe(409);
      expect((await prisma.user.findUniqueOrThrow({ where: { id: coordinator.userId } })).role).toBe("COORDINATOR");
    } finally {
      await prisma.user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { disabledAt: null } });
    }
  });

  it("an unknown or expert account is 'not found' to the staff service", async () => {
    const coordinator = await actorFor(prisma, (await makeStaff(prisma, "COORDINATOR", { isAdmin: true })).id);
    const study = await makeStudy(prisma);
    const expert = await makeExpert(prisma, study.id);
    expect((await rejection(updateStaffUser(coordinator, expert.userId, { role: "COORDINATOR" }))).status).toBe(404);
    expect((await rejection(updateStaffUser(coordinator, "00000000-0000-4000-8000-000000000000", { disabled: true }))).status).toBe(404);
  });
});

describe("panel (data layer)", () => {
  it("an expert reads only their own record; other roles cannot read it or the panel", async () => {
    const study = await makeStudy(prisma);
    const mine = await makeExpert(prisma, study.id);
    await makeExpert(prisma, study.id);
    const me = await actorFor(prisma, mine.userId);
    expect(await getOwnExpertProfile(me)).toMatchObject({ pseudonym: mine.pseudonym, country: "KZ" });
    expect((await rejection(listPanel(me))).status).toBe(403);
    expect((await rejection(reissueInvitation(me, mine.expertId))).status).toBe(403);
    const interviewer = await actorFor(prisma, (await makeStaff(prisma, "INTERVIEWER")).id);
    expect((await rejection(getOwnExpertProfile(interviewer))).status).toBe(403);
    expect((await rejection(listPanel(interviewer))).status).toBe(403);
  });

  it("pseudonyms are numbered per study without gaps, even when experts are added concurrently", async () => {
    const study = await makeStudy(prisma);
    const added = await Promise.all(Array.from({ length: 6 }, () => makeExpert(prisma, study.id)));
    expect(added.map((a) => a.pseudonym).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
