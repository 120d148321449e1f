import "server-only";
import { assertRole } from "@/lib/auth/roles";
import type { TActor } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { assertId } from "@/lib/http/input";
import { getMonitor, type TCell, type TFunnel } from "@/lib/monitor/service";
import { coordinatedBy } from "@/lib/study/access";

/**
 * A study's home: the response funnel against the cell targets (the monitor's figures, lib/monitor),
 * the experts a reminder is meant for, the interviews coming up or under way, and the latest audit
 * entries of the study. Every read is scoped to a study the actor coordinates (404 otherwise).
 */

export type TDashboard = {
  funnel: TFunnel;
  cells: TCell[];
  totals: { target: number; completed: number; started: number };
  waiting: Array<{ expertId: string; pseudonym: number; name: string; country: string; expertGroup: string; waitingFor: "start" | "finish"; invitedAt: Date | null; lastReminderAt: Date | null }>;
  interviews: Array<{ id: string; status: "PLANNED" | "IN_PROGRESS"; plannedAt: Date; startedAt: Date | null; expert: { pseudonym: number; name: string }; interviewer: string }>;
  activity: Array<{ id: string; at: Date; action: string; entity: string; actor: string | null }>;
};

const LIST_LIMIT = 20;

export async function getStudyDashboard(actor: TActor, studyId: string): Promise<TDashboard> {
  assertRole(actor, "COORDINATOR");
  assertId(studyId, "The study");
  const study = await db().study.findFirst({ where: { id: studyId, ...coordinatedBy(actor) }, select: { id: true } });
  if (!study) throw notFound("The study");
  const inStudy = { id: studyId, ...coordinatedBy(actor) };
  const invited = { study: inStudy, remindersPaused: false, invitedAt: { not: null }, user: { disabledAt: null } };
  const [monitor, waiting, interviews, activity] = await Promise.all([
    getMonitor(actor, studyId),
    db().expert.findMany({
      // As lib/messaging/reminders.ts picks them: invited and not started, or a questionnaire in progress.
      where: {
        OR: [
          { ...invited, status: "INVITED", responses: { none: {} } },
          { ...invited, status: { in: ["INVITED", "STARTED"] }, responses: { some: { status: "IN_PROGRESS" } } },
        ],
      },
      select: {
        id: true,
        pseudonym: true,
        country: true,
        expertGroup: true,
        invitedAt: true,
        user: { select: { name: true } },
        responses: { where: { status: "IN_PROGRESS" }, select: { id: true }, take: 1 },
        messages: { where: { kind: { in: ["REMINDER_NOT_STARTED", "REMINDER_NOT_FINISHED"] } }, select: { createdAt: true }, orderBy: { createdAt: "desc" }, take: 1 },
      },
      orderBy: [{ invitedAt: "asc" }, { pseudonym: "asc" }],
      take: LIST_LIMIT,
    }),
    db().interview.findMany({
      where: { status: { in: ["PLANNED", "IN_PROGRESS"] }, expert: { study: inStudy } },
      select: { id: true, status: true, plannedAt: true, startedAt: true, expert: { select: { pseudonym: true, user: { select: { name: true } } } }, interviewer: { select: { name: true } } },
      orderBy: [{ status: "asc" }, { plannedAt: "asc" }],
      take: LIST_LIMIT,
    }),
    db().auditEvent.findMany({
      where: { studyId },
      select: { id: true, at: true, action: true, entity: true, actor: { select: { name: true } } },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      take: LIST_LIMIT,
    }),
  ]);
  const sum = (pick: (c: TCell) => number) => monitor.cells.reduce((n, c) => n + pick(c), 0);
  return {
    funnel: monitor.overall,
    cells: monitor.cells,
    totals: { target: sum((c) => c.target ?? 0), completed: sum((c) => c.completed), started: sum((c) => c.started) },
    waiting: waiting.map((e) => ({
      expertId: e.id,
      pseudonym: e.pseudonym,
      name: e.user.name,
      country: e.country,
      expertGroup: e.expertGroup,
      waitingFor: e.responses.length ? "finish" : "start",
      invitedAt: e.invitedAt,
      lastReminderAt: e.messages[0]?.createdAt ?? null,
    })),
    interviews: interviews.map((i) => ({
      id: i.id,
      status: i.status as "PLANNED" | "IN_PROGRESS",
      plannedAt: i.plannedAt,
      startedAt: i.startedAt,
      expert: { pseudonym: i.expert.pseudonym, name: i.expert.user.name },
      interviewer: i.interviewer.name,
    })),
    activity: activity.map((a) => ({ id: a.id.toString(), at: a.at, action: a.action, entity: a.entity, actor: a.actor?.name ?? null })),
  };
}
