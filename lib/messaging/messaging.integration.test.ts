import { afterAll, describe, expect, it } from "vitest";
import { consumeInvitation } from "@/lib/auth/invitations";
import { db } from "@/lib/db";
import type { DeliveryStatus } from "@/lib/generated/prisma/enums";
import { stopAppJobs } from "@/lib/jobs/app";
import { REDACTED_LINK } from "@/lib/messaging/delivery";
import { startMessageJobs } from "@/lib/messaging/jobs";
import { sweepReminders } from "@/lib/messaging/reminders";
import { getTemplates, inviteExperts, resendMessage, saveReminderSettings, saveTemplates, setExpertRemindersPaused } from "@/lib/messaging/service";
import { DEFAULT_TEMPLATES } from "@/lib/messaging/templates";
import { smtpTransport } from "@/lib/messaging/transport";
import { addExpert } from "@/lib/panel/experts";
import { changeStatus, reissueInvitation } from "@/lib/panel/service";
import { requireEnv, testPrisma } from "@/lib/testing/db";
import { rejection } from "@/lib/testing/errors";
import { actorFor, makeQuestionnaire, makeStaff, makeStudy, unique } from "@/lib/testing/factories";
import { startSmtpSink } from "@/lib/testing/smtp";

// Every test here runs real pg-boss workers on the run's database and a real SMTP server. They
// share one queue, so they live in one file (vitest runs a file's tests one after another) and each
// test stops its workers before the next starts.

const prisma = testPrisma();
const BASE = "http://panel.test";
const LINK = new RegExp(`${BASE.replace(/\./g, "\\.")}/invite/([A-Za-z0-9_-]{43})`);

afterAll(async () => {
  await stopAppJobs();
  await prisma.$disconnect();
  await db().$disconnect();
});

async function startWorker(smtpUrl: string) {
  return startMessageJobs({
    connectionString: requireEnv("DATABASE_URL"),
    prisma,
    worker: true,
    schedule: false,
    delivery: { transport: smtpTransport(smtpUrl, "Expert Panel <panel@it.test>"), baseUrl: BASE, ttlDays: 14 },
    settings: { pollingIntervalSeconds: 0.5, retryLimit: 1, retryDelaySeconds: 1, retryBackoff: false },
  });
}

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out; last value: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const statusOf = (id: string) => prisma.message.findUniqueOrThrow({ where: { id } }).then((m) => m.status);
const settled = (s: DeliveryStatus) => s !== "QUEUED";

async function vettedExpert(studyId: string, language: "ru" | "en", name = `Name ${unique()}`) {
  const added = await prisma.$transaction((tx) =>
    addExpert(tx, { studyId, name, email: `mail-${unique()}@it.test`, country: "KZ", expertGroup: "SCIENTIST", language }),
  );
  await prisma.expert.update({ where: { id: added.expertId }, data: { status: "VETTED" } });
  const user = await prisma.user.findUniqueOrThrow({ where: { id: added.userId } });
  return { ...added, name, email: user.email };
}

async function setup() {
  const coordinator = await makeStaff(prisma, "COORDINATOR");
  const study = await prisma.study.create({
    data: { slug: `mail-${unique()}`, titleEn: "Eurasian integration", titleRu: "Евразийская интеграция", members: { create: { userId: coordinator.id, role: "COORDINATOR" } } },
  });
  return { study, actor: await actorFor(prisma, coordinator.id) };
}

describe("invitations over SMTP", () => {
  it("arrive in the expert's language with a link that signs the expert in; a re-send or re-issue makes the old link fail", async () => {
    const sink = await startSmtpSink();
    const worker = await startWorker(sink.url);
    try {
      const { study, actor } = await setup();
      const en = await vettedExpert(study.id, "en", "Jane Roe");
      const ru = await vettedExpert(study.id, "ru", "Иван Петров");

      const { messageIds } = await inviteExperts(actor, { studyId: study.id, expertIds: [en.expertId, ru.expertId] });
      expect(messageIds).toHaveLength(2);
      for (const id of messageIds) expect(await waitFor(() => statusOf(id), settled)).toBe("SENT");

      expect(sink.received).toHaveLength(2);
      const mailTo = (email: string) => sink.received.find((m) => m.to.includes(email))!;
      const enMail = mailTo(en.email);
      const ruMail = mailTo(ru.email);
      expect(enMail.subject).toBe("Invitation to the expert survey “Eurasian integration”");
      expect(enMail.text).toContain("Dear Jane Roe,");
      expect(ruMail.subject).toBe("Приглашение к участию в экспертном опросе «Евразийская интеграция»");
      expect(ruMail.text).toContain("Уважаемый(ая) Иван Петров!");
      const enToken = LINK.exec(enMail.text)![1]!;
      const ruToken = LINK.exec(ruMail.text)![1]!;

      // The stored copy has no working link: only token hashes live in the database.
      const stored = await prisma.message.findMany({ where: { id: { in: messageIds } } });
      for (const m of stored) {
        expect(m).toMatchObject({ transport: "smtp", attempts: 1, error: null });
        expect(m.body).toContain(REDACTED_LINK);
        expect(m.body).not.toContain(enToken);
        expect(m.body).not.toContain(ruToken);
      }
      expect(stored.find((m) => m.expertId === ru.expertId)!.language).toBe("ru");

      // Invited: status, time and audit.
      const enExpert = await prisma.expert.findUniqueOrThrow({ where: { id: en.expertId } });
      expect(enExpert.status).toBe("INVITED");
      expect(enExpert.invitedAt).toBeInstanceOf(Date);
      expect(await prisma.auditEvent.count({ where: { action: "message.invite", entityId: { in: [en.expertId, ru.expertId] }, actorId: actor.userId } })).toBe(2);
      expect(await prisma.auditEvent.count({ where: { action: "expert.status", entityId: en.expertId, actorId: actor.userId } })).toBe(1);

      // The link from the e-mail signs the expert in (the function the sign-in uses).
      expect(await consumeInvitation(prisma, enToken)).toEqual({ ok: true, userId: en.userId, expertId: en.expertId });

      // Re-send: a new message with a new link; the first link is replaced.
      const resent = await resendMessage(actor, stored.find((m) => m.expertId === ru.expertId)!.id);
      expect(await waitFor(() => statusOf(resent.messageId), settled)).toBe("SENT");
      const ruMails = sink.received.filter((m) => m.to.includes(ru.email));
      expect(ruMails).toHaveLength(2);
      const secondToken = LINK.exec(ruMails[1]!.text)![1]!;
      expect(secondToken).not.toBe(ruToken);
      expect(await consumeInvitation(prisma, ruToken)).toEqual({ ok: false, state: "replaced" });
      expect(await prisma.auditEvent.count({ where: { action: "message.resend", entityId: ru.expertId } })).toBe(1);

      // Re-issue from the panel: the link in the re-sent e-mail stops working too.
      await reissueInvitation(actor, ru.expertId);
      expect(await consumeInvitation(prisma, secondToken)).toEqual({ ok: false, state: "replaced" });
    } finally {
      await worker.stop();
      await sink.close();
    }
  });

  it("marks a message FAILED with the server's reason when the mail server refuses it", async () => {
    const sink = await startSmtpSink({ rejectRecipients: true });
    const worker = await startWorker(sink.url);
    try {
      const { study, actor } = await setup();
      const expert = await vettedExpert(study.id, "en");
      const { messageIds } = await inviteExperts(actor, { studyId: study.id, expertIds: [expert.expertId] });
      expect(await waitFor(() => statusOf(messageIds[0]!), settled)).toBe("FAILED");
      const message = await prisma.message.findUniqueOrThrow({ where: { id: messageIds[0]! } });
      expect(message.error).toMatch(/550.*Mailbox unavailable/);
      expect(message.sentAt).toBeNull();
      expect(sink.received).toHaveLength(0);
      // The link issued for the failed attempt was rolled back with it.
      expect(await prisma.invitationToken.count({ where: { expertId: expert.expertId } })).toBe(0);
    } finally {
      await worker.stop();
      await sink.close();
    }
  });

  it("refuses to invite a nominated or rejected expert with 409, writing nothing", async () => {
    const { study, actor } = await setup();
    const vetted = await vettedExpert(study.id, "en");
    const nominated = await vettedExpert(study.id, "ru");
    await prisma.expert.update({ where: { id: nominated.expertId }, data: { status: "NOMINATED" } });
    const error = await rejection(inviteExperts(actor, { studyId: study.id, expertIds: [vetted.expertId, nominated.expertId] }));
    expect(error.status).toBe(409);
    expect(error.message).toMatch(/NOMINATED/);
    expect(await prisma.message.count({ where: { studyId: study.id } })).toBe(0);
    expect((await prisma.expert.findUniqueOrThrow({ where: { id: vetted.expertId } })).status).toBe("VETTED");
  });

  it("processes a send enqueued while no worker ran as soon as a worker starts", async () => {
    const sink = await startSmtpSink();
    const { study, actor } = await setup();
    const expert = await vettedExpert(study.id, "en");
    const { messageIds } = await inviteExperts(actor, { studyId: study.id, allVetted: true });
    expect(messageIds).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await statusOf(messageIds[0]!)).toBe("QUEUED");
    const worker = await startWorker(sink.url);
    try {
      expect(await waitFor(() => statusOf(messageIds[0]!), settled)).toBe("SENT");
      expect(sink.received.map((m) => m.to)).toEqual([[expert.email]]);
    } finally {
      await worker.stop();
      await sink.close();
    }
  });
});

describe("a panel that changes after a message is queued", () => {
  it("a withdrawn expert's queued invitation is not sent and no link is made; a corrected address is used", async () => {
    const sink = await startSmtpSink();
    const { study, actor } = await setup();
    const [leaving, moved] = [await vettedExpert(study.id, "en"), await vettedExpert(study.id, "en")];
    const { messageIds } = await inviteExperts(actor, { studyId: study.id, allVetted: true });
    expect(messageIds).toHaveLength(2);
    await changeStatus(actor, leaving.expertId, "withdraw");
    const corrected = `corrected-${unique()}@it.test`;
    await prisma.user.update({ where: { id: moved.userId }, data: { email: corrected } });
    const worker = await startWorker(sink.url);
    try {
      const byExpert = async (expertId: string) => prisma.message.findFirstOrThrow({ where: { expertId } });
      expect(await waitFor(async () => (await byExpert(moved.expertId)).status, settled)).toBe("SENT");
      expect(await byExpert(leaving.expertId)).toMatchObject({ status: "FAILED", error: expect.stringContaining("withdrawn") });
      expect(await prisma.invitationToken.count({ where: { expertId: leaving.expertId } })).toBe(0);
      expect(sink.received.map((m) => m.to)).toEqual([[corrected]]);
    } finally {
      await worker.stop();
      await sink.close();
    }
  });
});

describe("reminders", () => {
  it("are queued and sent exactly once with two workers sweeping at the same time; paused studies and experts get none", async () => {
    const sink = await startSmtpSink();
    const workers = [await startWorker(sink.url), await startWorker(sink.url)];
    try {
      const { study, actor } = await setup();
      const now = new Date();
      const daysAgo = (d: number) => new Date(now.getTime() - d * 24 * 3600_000);
      const invite = (expertId: string, days: number) => prisma.expert.update({ where: { id: expertId }, data: { status: "INVITED", invitedAt: daysAgo(days) } });

      const notStarted = await vettedExpert(study.id, "en");
      await invite(notStarted.expertId, 4); // day-3 reminder due
      const notDueYet = await vettedExpert(study.id, "en");
      await invite(notDueYet.expertId, 2);
      const pausedExpert = await vettedExpert(study.id, "en");
      await invite(pausedExpert.expertId, 4);
      await setExpertRemindersPaused(actor, pausedExpert.expertId, true);
      const notFinished = await vettedExpert(study.id, "ru");
      await prisma.expert.update({ where: { id: notFinished.expertId }, data: { status: "STARTED", invitedAt: daysAgo(8) } });
      const q = await makeQuestionnaire(prisma, study.id);
      await prisma.response.create({ data: { expertId: notFinished.expertId, instrumentId: q.instrumentId, versionId: q.versionId, optionOrder: {} } });

      const pausedStudy = await makeStudy(prisma);
      await prisma.study.update({ where: { id: pausedStudy.id }, data: { remindersPaused: true } });
      const inPausedStudy = await vettedExpert(pausedStudy.id, "en");
      await invite(inPausedStudy.expertId, 4);

      // Both workers sweep, several times each, concurrently.
      const sweeps = workers.flatMap((w) => [study.id, pausedStudy.id, study.id].map((studyId) => sweepReminders(prisma, w.enqueueSends, now, { studyId })));
      const queued = (await Promise.all(sweeps)).flat();
      expect(queued).toHaveLength(2);

      const messages = await prisma.message.findMany({ where: { studyId: { in: [study.id, pausedStudy.id] } } });
      expect(messages.map((m) => [m.expertId, m.dedupeKey]).sort()).toEqual(
        [
          [notStarted.expertId, "REMINDER_NOT_STARTED:3"],
          [notFinished.expertId, "REMINDER_NOT_FINISHED:7"],
        ].sort(),
      );
      for (const m of messages) expect(await waitFor(() => statusOf(m.id), settled)).toBe("SENT");
      await new Promise((r) => setTimeout(r, 1500)); // room for a duplicate delivery to show up
      expect(sink.received.filter((m) => m.to.includes(notStarted.email))).toHaveLength(1);
      expect(sink.received.filter((m) => m.to.includes(notFinished.email))).toHaveLength(1);
      expect(sink.received).toHaveLength(2);
      expect(sink.received.find((m) => m.to.includes(notFinished.email))!.subject).toBe("Напоминание: завершите анкету «Евразийская интеграция»");

      // A later sweep at the same moment queues nothing more.
      expect(await sweepReminders(prisma, workers[0]!.enqueueSends, now, { studyId: study.id })).toEqual([]);
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
      await sink.close();
    }
  });
});

describe("templates and reminder settings", () => {
  it("a study's edited template is used for its messages, a template equal to the default is not stored, and both edits are audited", async () => {
    const sink = await startSmtpSink();
    const worker = await startWorker(sink.url);
    try {
      const { study, actor } = await setup();
      const current = await getTemplates(actor, study.id);
      expect(current.every((t) => t.isDefault)).toBe(true);
      const edited = current.map(({ kind, language, subject, body }) =>
        kind === "INVITATION" && language === "en" ? { kind, language, subject: "Join {{study}}, {{name}}", body: "Open {{link}} before {{expiresAt}}." } : { kind, language, subject, body },
      );
      await saveTemplates(actor, study.id, { templates: edited });
      expect(await prisma.messageTemplate.count({ where: { studyId: study.id } })).toBe(1);
      const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "message.templates.update", entityId: study.id } });
      expect(audit.before).toEqual([{ kind: "INVITATION", language: "en", ...DEFAULT_TEMPLATES.INVITATION.en }]);

      const expert = await vettedExpert(study.id, "en", "Ann Lee");
      const { messageIds } = await inviteExperts(actor, { studyId: study.id, expertIds: [expert.expertId] });
      expect(await waitFor(() => statusOf(messageIds[0]!), settled)).toBe("SENT");
      expect(sink.received[0]!.subject).toBe("Join Eurasian integration, Ann Lee");
      expect(sink.received[0]!.text).toMatch(new RegExp(`^Open ${LINK.source} before \\d+ \\w+ \\d{4}\\.`));

      // Restoring the default removes the stored template again.
      await saveTemplates(actor, study.id, { templates: current.map(({ kind, language, subject, body }) => ({ kind, language, subject, body })) });
      expect(await prisma.messageTemplate.count({ where: { studyId: study.id } })).toBe(0);

      await saveReminderSettings(actor, study.id, { remindNotStartedDays: [2, 5], remindNotFinishedDays: [], remindersPaused: true });
      expect(await prisma.study.findUniqueOrThrow({ where: { id: study.id } })).toMatchObject({ remindNotStartedDays: [2, 5], remindNotFinishedDays: [], remindersPaused: true });
      const settings = await prisma.auditEvent.findFirstOrThrow({ where: { action: "message.reminders.settings", entityId: study.id } });
      expect(settings.before).toEqual({ remindNotStartedDays: [3, 7], remindNotFinishedDays: [3, 7], remindersPaused: false });
    } finally {
      await worker.stop();
      await sink.close();
    }
  });
});
