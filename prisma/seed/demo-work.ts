import type { Prisma } from "@/lib/generated/prisma/client";
import type { ExpertGroup } from "@/lib/generated/prisma/enums";
import { ZGuide } from "@/lib/instrument/definition";

/** The target of every country × group cell: the demo panel and respondents are about two thirds of it. */
export const DEMO_CELL_TARGET = 3;

/**
 * Something to do for each role from the first start: a target for every cell of the funnel, an
 * invitation for the outbox (returned, delivered by the caller once the seed has committed), and
 * for the demo interviewer one interview planned for the day after tomorrow and one under way.
 */
export async function seedDemoWork(
  tx: Prisma.TransactionClient,
  input: { studyId: string; coordinatorId: string; countries: readonly string[]; groups: readonly ExpertGroup[]; now: Date },
): Promise<{ outboxMessageId: string }> {
  const { studyId, coordinatorId, now } = input;
  await tx.cellTarget.createMany({
    data: input.countries.flatMap((country) => input.groups.map((expertGroup) => ({ studyId, country, expertGroup, target: DEMO_CELL_TARGET }))),
  });

  // The invitation goes to a panel expert already invited (not the demo expert, whose link `npm start` prints).
  const invited = await tx.expert.findFirstOrThrow({
    where: { studyId, status: "INVITED", pseudonym: { gt: 1 }, track: "QUESTIONNAIRE" },
    orderBy: { pseudonym: "asc" },
    select: { id: true, user: { select: { email: true, language: true } } },
  });
  const message = await tx.message.create({
    data: { studyId, expertId: invited.id, kind: "INVITATION", language: invited.user.language, toAddress: invited.user.email, createdById: coordinatorId },
    select: { id: true },
  });

  const interviewer = await tx.user.findFirstOrThrow({ where: { role: "INTERVIEWER" }, orderBy: { createdAt: "asc" }, select: { id: true } });
  const guide = await tx.instrumentVersion.findFirstOrThrow({
    where: { instrument: { studyId, kind: "GUIDE" }, status: "PUBLISHED" },
    orderBy: { number: "desc" },
    select: { id: true, content: true },
  });
  const firstQuestion = ZGuide.parse(guide.content).blocks[0]!.questions[0]!.code;
  const interviewees = await tx.expert.findMany({
    where: { studyId, status: "INVITED", track: { in: ["INTERVIEW", "BOTH"] }, interviews: { none: {} } },
    orderBy: { pseudonym: "asc" },
    take: 2,
    select: { id: true },
  });
  const [planned, underway] = interviewees;
  if (!planned || !underway) throw new Error("The demo panel needs two invited experts on the interview track.");
  const hours = (h: number) => new Date(now.getTime() + h * 3_600_000);
  await tx.interview.create({
    data: { expertId: planned.id, interviewerId: interviewer.id, versionId: guide.id, plannedAt: hours(48), mode: "VIDEO" },
  });
  await tx.interview.create({
    data: {
      expertId: underway.id,
      interviewerId: interviewer.id,
      versionId: guide.id,
      plannedAt: hours(-1),
      mode: "PHONE",
      status: "IN_PROGRESS",
      consentAt: hours(-0.5),
      startedAt: hours(-0.5),
      notes: {
        create: {
          questionCode: firstQuestion,
          text: "Эксперт считает, что приграничное сотрудничество растёт, но сдерживается различиями в таможенных процедурах.",
          revision: 1,
          mutationId: crypto.randomUUID(),
          firstWorkedAt: hours(-0.4),
          lastWorkedAt: hours(-0.3),
        },
      },
    },
  });
  return { outboxMessageId: message.id };
}
