import { afterAll, describe, expect, it } from "vitest";
import { LiveHub } from "@/lib/live/hub";
import { notifyLive } from "@/lib/live/notify";
import type { TLiveEvent } from "@/lib/live/events";
import { requireEnv, testPrisma } from "@/lib/testing/db";
import { makeExpert, makeStudy } from "@/lib/testing/factories";

const prisma = testPrisma();
const hubs: LiveHub[] = [];
afterAll(async () => {
  await Promise.all(hubs.map((h) => h.close()));
  await prisma.$disconnect();
});

/** A hub as one app instance has it, with every event it hears for `studyId`. */
async function instance(studyId: string) {
  const hub = new LiveHub(requireEnv("DATABASE_URL"));
  hubs.push(hub);
  const events: TLiveEvent[] = [];
  hub.subscribe(studyId, (e) => events.push(e));
  await hub.ready();
  return { hub, events };
}

async function until(check: () => boolean, what: string, ms = 5_000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function startResponse(studyId: string) {
  const { expertId } = await makeExpert(prisma, studyId);
  const instrument = await prisma.instrument.create({ data: { studyId, kind: "QUESTIONNAIRE", name: `Q ${expertId}` } });
  const version = await prisma.instrumentVersion.create({ data: { instrumentId: instrument.id, number: 1, content: {} } });
  return prisma.response.create({ data: { expertId, instrumentId: instrument.id, versionId: version.id, optionOrder: {} } });
}

describe("live events through PostgreSQL", () => {
  it("reach every instance, and only for that study", async () => {
    const study = await makeStudy(prisma);
    const other = await makeStudy(prisma);
    const a = await instance(study.id);
    const b = await instance(study.id);
    const elsewhere = await instance(other.id);

    await startResponse(study.id);
    await prisma.$transaction(async (tx) => notifyLive(tx, study.id, "answers"));

    for (const { events } of [a, b]) await until(() => events.some((e) => e.topic === "answers") && events.some((e) => e.topic === "responses"), "both events");
    await new Promise((r) => setTimeout(r, 200));
    expect(elsewhere.events).toEqual([]);
  });

  it("come from a response when its status changes, not from every save that touches it", async () => {
    const study = await makeStudy(prisma);
    const response = await startResponse(study.id);
    const a = await instance(study.id);
    await prisma.response.update({ where: { id: response.id }, data: { updatedAt: new Date() } });
    await prisma.answer.create({ data: { responseId: response.id, itemCode: "Q1", value: 3, revision: 1, mutationId: crypto.randomUUID() } });
    await prisma.response.update({ where: { id: response.id }, data: { status: "SUBMITTED", submittedAt: new Date() } });
    await until(() => a.events.length > 0, "the status event");
    await new Promise((r) => setTimeout(r, 200));
    expect(a.events).toEqual([{ studyId: study.id, topic: "responses" }]);
  });

  it("say nothing about a change that was rolled back", async () => {
    const study = await makeStudy(prisma);
    const a = await instance(study.id);
    await prisma
      .$transaction(async (tx) => {
        await notifyLive(tx, study.id, "panel");
        throw new Error("roll back");
      })
      .catch(() => undefined);
    await prisma.$transaction(async (tx) => notifyLive(tx, study.id, "interviews"));
    await until(() => a.events.length > 0, "the committed event");
    expect(a.events).toEqual([{ studyId: study.id, topic: "interviews" }]);
  });

  it("listen again after the database drops the connection, and ask subscribers to resync", async () => {
    const study = await makeStudy(prisma);
    const a = await instance(study.id);
    await prisma.$executeRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'expert-panel-live' AND datname = current_database()`;
    await until(() => a.events.some((e) => e.topic === "resync"), "the resync after reconnecting");
    await prisma.$transaction(async (tx) => notifyLive(tx, study.id, "panel"));
    await until(() => a.events.some((e) => e.topic === "panel"), "an event after reconnecting");
  });
});
