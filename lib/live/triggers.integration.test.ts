import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIVE_CHANNEL, parseLivePayload, type TLiveEvent } from "@/lib/live/events";
import { requireEnv, testPrisma } from "@/lib/testing/db";
import { makeExpert, makeStudy } from "@/lib/testing/factories";

// The live_notify_* triggers (prisma/README.md): each committed change to the panel, the cell
// targets, the messages or the responses of a study tells that study's dashboards, once per
// statement. Listened to here with a plain LISTEN, without the app's hub in between.

const prisma = testPrisma();
const listener = new pg.Client({ connectionString: requireEnv("DATABASE_URL") });
const heard: TLiveEvent[] = [];

beforeAll(async () => {
  await listener.connect();
  listener.on("notification", (n) => {
    const event = parseLivePayload(n.payload);
    if (event) heard.push(event);
  });
  await listener.query(`LISTEN ${LIVE_CHANNEL}`);
});

afterAll(async () => {
  await listener.end();
  await prisma.$disconnect();
});

/**
 * Waits until the listener has heard everything committed so far: a marker sent now arrives after
 * every earlier notification (PostgreSQL delivers them in commit order). Returns where it ended.
 */
async function caughtUp(studyId: string): Promise<number> {
  const from = heard.length;
  await prisma.$executeRaw`SELECT pg_notify(${LIVE_CHANNEL}, ${JSON.stringify({ studyId, topic: "interviews" })})`;
  const deadline = Date.now() + 5_000;
  for (;;) {
    const at = heard.findIndex((e, i) => i >= from && e.studyId === studyId && e.topic === "interviews");
    if (at >= 0) return at;
    if (Date.now() > deadline) throw new Error("timed out waiting for the marker notification");
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The topics `studyId` hears from `change`, and nothing else. */
async function topicsFrom(studyId: string, change: () => Promise<unknown>): Promise<string[]> {
  const from = (await caughtUp(studyId)) + 1;
  await change();
  const to = await caughtUp(studyId);
  return heard
    .slice(from, to)
    .filter((e) => e.studyId === studyId)
    .map((e) => e.topic);
}

describe("live notification triggers", () => {
  it("an expert added, changed or removed tells the study's panel, and no other study", async () => {
    const study = await makeStudy(prisma);
    const other = await makeStudy(prisma);
    let expertId = "";
    expect(await topicsFrom(study.id, async () => ({ expertId } = await makeExpert(prisma, study.id)))).toEqual(["panel"]);
    expect(await topicsFrom(other.id, () => prisma.expert.update({ where: { id: expertId }, data: { notes: "Called" } }))).toEqual([]);
    expect(await topicsFrom(study.id, () => prisma.expert.update({ where: { id: expertId }, data: { notes: "Called again" } }))).toEqual(["panel"]);
    expect(await topicsFrom(study.id, () => prisma.expert.delete({ where: { id: expertId } }))).toEqual(["panel"]);
  });

  it("a cell target set, changed or removed tells the study's panel; a bulk write tells it once", async () => {
    const study = await makeStudy(prisma);
    const cell = { studyId_country_expertGroup: { studyId: study.id, country: "KZ", expertGroup: "OFFICIAL" as const } };
    expect(await topicsFrom(study.id, () => prisma.cellTarget.create({ data: { studyId: study.id, country: "KZ", expertGroup: "OFFICIAL", target: 3 } }))).toEqual(["panel"]);
    expect(await topicsFrom(study.id, () => prisma.cellTarget.update({ where: cell, data: { target: 4 } }))).toEqual(["panel"]);
    expect(await topicsFrom(study.id, () => prisma.cellTarget.delete({ where: cell }))).toEqual(["panel"]);
    const many = ["KG", "TJ", "UZ"].map((country) => ({ studyId: study.id, country, expertGroup: "SCIENTIST" as const, target: 2 }));
    expect(await topicsFrom(study.id, () => prisma.cellTarget.createMany({ data: many }))).toEqual(["panel"]);
  });

  it("a message queued or updated tells the study's messages", async () => {
    const study = await makeStudy(prisma);
    const { expertId } = await makeExpert(prisma, study.id);
    let messageId = "";
    const queue = async () => {
      ({ id: messageId } = await prisma.message.create({ data: { studyId: study.id, expertId, kind: "INVITATION", language: "en", toAddress: "expert@it.test" } }));
    };
    expect(await topicsFrom(study.id, queue)).toEqual(["messages"]);
    expect(await topicsFrom(study.id, () => prisma.message.update({ where: { id: messageId }, data: { status: "SENT", sentAt: new Date() } }))).toEqual(["messages"]);
  });

  it("a response started or deleted tells the study's responses", async () => {
    const study = await makeStudy(prisma);
    const { expertId } = await makeExpert(prisma, study.id);
    const instrument = await prisma.instrument.create({ data: { studyId: study.id, kind: "QUESTIONNAIRE", name: `Q ${randomUUID()}` } });
    const version = await prisma.instrumentVersion.create({ data: { instrumentId: instrument.id, number: 1, content: {} } });
    let responseId = "";
    const start = async () => {
      ({ id: responseId } = await prisma.response.create({ data: { expertId, instrumentId: instrument.id, versionId: version.id, optionOrder: {} } }));
    };
    expect(await topicsFrom(study.id, start)).toEqual(["responses"]);
    expect(await topicsFrom(study.id, () => prisma.response.delete({ where: { id: responseId } }))).toEqual(["responses"]);
  });
});
