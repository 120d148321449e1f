import { afterAll, describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/audit/record";
import { auditFacets, listAuditEvents } from "@/lib/monitor/audit-log";
import { db } from "@/lib/db";
import { testPrisma } from "@/lib/testing/db";
import { rejection } from "@/lib/testing/errors";
import { actorFor, makeExpert, makeStaff, makeStudy, unique } from "@/lib/testing/factories";

const prisma = testPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await db().$disconnect();
});

/** Five entries of the coordinator's study by them on known days, plus one by another user on the same days. */
async function seeded() {
  const staff = await makeStaff(prisma, "COORDINATOR");
  const other = await makeStaff(prisma, "INTERVIEWER");
  const coordinator = await actorFor(prisma, staff.id);
  const { id: studyId } = await makeStudy(prisma, staff);
  const entity = `Test${unique()}`;
  const days = ["2025-01-01", "2025-01-02", "2025-01-03", "2025-01-04", "2025-01-05"];
  const ids: bigint[] = [];
  for (const [i, day] of days.entries()) {
    const row = await prisma.auditEvent.create({
      data: { at: new Date(`${day}T12:00:00Z`), actorId: staff.id, action: i % 2 ? "thing.update" : "thing.create", entity, entityId: String(i), studyId, before: { n: i - 1 }, after: { n: i, text: "<b>kept as text</b>" } },
    });
    ids.push(row.id);
  }
  await prisma.auditEvent.create({ data: { at: new Date("2025-01-03T12:00:00Z"), actorId: other.id, action: "thing.create", entity, entityId: "x", studyId } });
  return { staff, other, coordinator, entity, ids, studyId };
}

describe("audit browsing", () => {
  it("filters by actor, action prefix, entity and an inclusive date range, newest first", async () => {
    const { staff, coordinator, entity } = await seeded();
    const all = await listAuditEvents(coordinator, { entity });
    expect(all.rows.map((r) => r.entityId)).toEqual(["4", "3", "x", "2", "1", "0"]);

    const mine = await listAuditEvents(coordinator, { entity, actor: staff.email.toUpperCase() });
    expect(mine.rows.map((r) => r.entityId)).toEqual(["4", "3", "2", "1", "0"]);
    expect(mine.rows[0]).toMatchObject({ actor: { email: staff.email, role: "COORDINATOR" }, action: "thing.create", before: { n: 3 }, after: { n: 4, text: "<b>kept as text</b>" } });

    expect((await listAuditEvents(coordinator, { entity, action: "thing.upd" })).rows.map((r) => r.entityId)).toEqual(["3", "1"]);
    expect((await listAuditEvents(coordinator, { entity, from: "2025-01-02", to: "2025-01-03" })).rows.map((r) => r.entityId)).toEqual(["x", "2", "1"]);
    expect((await listAuditEvents(coordinator, { entity: `${entity}-none` })).rows).toEqual([]);
  });

  it("pages by keyset: each page continues where the last stopped, with no repeats, even when new entries arrive", async () => {
    const { staff, coordinator, entity } = await seeded();
    const first = await listAuditEvents(coordinator, { entity, actor: staff.email, limit: 2 });
    expect(first.rows.map((r) => r.entityId)).toEqual(["4", "3"]);
    await prisma.auditEvent.create({ data: { actorId: staff.id, action: "thing.create", entity, entityId: "new", studyId: (await prisma.studyMember.findFirstOrThrow({ where: { userId: staff.id } })).studyId } });
    const second = await listAuditEvents(coordinator, { entity, actor: staff.email, limit: 2, before: first.nextBefore! });
    expect(second.rows.map((r) => r.entityId)).toEqual(["2", "1"]);
    const third = await listAuditEvents(coordinator, { entity, actor: staff.email, limit: 2, before: second.nextBefore! });
    expect(third.rows.map((r) => r.entityId)).toEqual(["0"]);
    expect(third.nextBefore).toBeNull();
  });

  it("a coordinator reads the entries of their own studies only; the administrator also those about no study", async () => {
    const { entity, coordinator, staff } = await seeded();
    const outsider = await actorFor(prisma, (await makeStaff(prisma, "COORDINATOR")).id);
    await prisma.auditEvent.create({ data: { actorId: staff.id, action: "thing.account", entity, entityId: "account" } });
    expect((await listAuditEvents(outsider, { entity })).rows).toEqual([]);
    expect((await auditFacets(outsider)).entities).not.toContain(entity);
    expect((await listAuditEvents(coordinator, { entity })).rows.map((r) => r.entityId)).not.toContain("account");
    expect((await auditFacets(coordinator)).entities).toContain(entity);
    const admin = await actorFor(prisma, (await makeStaff(prisma, "COORDINATOR", { isAdmin: true })).id);
    expect((await listAuditEvents(admin, { entity })).rows.map((r) => r.entityId)).toEqual(["account"]);
  });

  it("an entry names the study of its entity, filled in by the database", async () => {
    const staff = await makeStaff(prisma, "COORDINATOR");
    const study = await makeStudy(prisma, staff);
    const expert = await makeExpert(prisma, study.id);
    await recordAudit(prisma, { actorId: staff.id, action: "thing.expert", entity: "Expert", entityId: expert.expertId });
    await recordAudit(prisma, { actorId: staff.id, action: "thing.study", entity: "Study", entityId: study.id });
    await recordAudit(prisma, { actorId: staff.id, action: "thing.user", entity: "User", entityId: staff.id });
    const rows = await prisma.auditEvent.findMany({ where: { actorId: staff.id, action: { startsWith: "thing." } }, orderBy: { id: "asc" }, select: { studyId: true } });
    expect(rows.map((r) => r.studyId)).toEqual([study.id, study.id, null]);
  });

  it("only coordinators read the log; bad filters are a 400", async () => {
    const { other } = await seeded();
    const interviewer = await actorFor(prisma, other.id);
    expect((await rejection(listAuditEvents(interviewer, {}))).status).toBe(403);
    const coordinator = await actorFor(prisma, (await makeStaff(prisma, "COORDINATOR")).id);
    expect((await rejection(listAuditEvents(coordinator, { from: "yesterday" }))).status).toBe(400);
    expect((await rejection(listAuditEvents(coordinator, { before: "12345" }))).status).toBe(400);
  });

  it("the application's database user cannot change or delete an entry", async () => {
    const { ids } = await seeded();
    const id = ids[0]!;
    await expect(db().auditEvent.update({ where: { id }, data: { action: "rewritten" } })).rejects.toThrow(/append-only/);
    await expect(db().auditEvent.deleteMany({ where: { id } })).rejects.toThrow(/append-only/);
    await expect(db().$executeRaw`UPDATE "AuditEvent" SET "after" = NULL WHERE "id" = ${id}`).rejects.toThrow(/append-only/);
    expect((await prisma.auditEvent.findUniqueOrThrow({ where: { id } })).action).toBe("thing.create");
  });
});
