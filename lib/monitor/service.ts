import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { assertRole } from "@/lib/auth/roles";
import { coordinatedBy } from "@/lib/study/access";
import type { TActor } from "@/lib/auth/sessions";
import { notFound } from "@/lib/errors";
import type { ExpertGroup, ExpertStatus } from "@/lib/generated/prisma/enums";
import type { TText } from "@/lib/i18n/text";
import { funnelRows, targetProgress, type TStageCounts, type TStageRow } from "@/lib/monitor/funnel";
import { ZSetTargets, type TSetTargets } from "@/lib/monitor/schemas";
import { assertId, parseInput } from "@/lib/http/input";
import { publishedQuestionnaire } from "@/lib/instrument/published";
import { chosenWave, studyQuestionnaires } from "@/lib/study/study-waves";

type TCountRow = TStageCounts & {
  country: string | null;
  expertGroup: ExpertGroup | null;
  overall: boolean;
  declined: number;
  withdrawn: number;
  rejected: number;
  /** Started (consented) but no answer saved yet. */
  startedNoAnswers: number;
};

export type TFunnel = { stages: TStageRow[]; declined: number; withdrawn: number; rejected: number };
export type TCell = TFunnel & { country: string; expertGroup: ExpertGroup; target: number | null; progress: number | null; started: number; completed: number };
export type TActivityRow = {
  expertId: string;
  pseudonym: number;
  country: string;
  expertGroup: ExpertGroup;
  status: ExpertStatus;
  linkOpenedAt: string | null;
  startedAt: string | null;
  submittedAt: string | null;
  lastActivityAt: string | null;
};
export type TDropOff = { sectionCode: string; title: TText | null; position: number; count: number };

/** The wave a funnel counts: its questionnaire (null: the study has none), number and audience. */
type TWaveScope = { instrumentId: string | null; number: number; audience: "PANEL" | "PREVIOUS_COMPLETED" };

export type TMonitor = {
  studyId: string;
  /** The wave shown (the latest unless asked for another) and the questionnaire's opened waves. */
  wave: number;
  waves: Array<{ number: number; kind: "WAVE" | "DELPHI_ROUND"; status: "OPEN" | "CLOSED" | "PLANNED"; audience: "PANEL" | "PREVIOUS_COMPLETED" }>;
  generatedAt: string;
  overall: TFunnel;
  cells: TCell[];
  activity: TActivityRow[];
  completion: { submitted: number; medianSeconds: number | null };
  dropOff: { sections: TDropOff[]; beforeFirstAnswer: number };
};

/**
 * Every expert's furthest stage, counted per country x group and overall in one GROUP BY. Stages
 * are cumulative and rest on timestamps and facts, not only on the status, so that an expert who
 * later declined or withdrew still counts at every stage they reached:
 *   completed = status COMPLETED or a submitted response
 *   started   = completed, status STARTED, any response, or an accepted consent
 *   opened    = started, or a sign-in link was used (linkOpenedAt)
 *   invited   = opened, invitedAt, status INVITED, or a sign-in link was issued
 *   vetted    = invited, or status VETTED
 *   nominated = every expert on the panel
 * Responses are those of the wave shown. For a later wave (N > 1) the funnel counts its audience (the
 * whole panel, or those who submitted wave N-1), and only its own responses start or complete it: the
 * expert's status and consent speak of their first wave.
 */
async function stageCounts(studyId: string, wave: TWaveScope): Promise<TCountRow[]> {
  const first = wave.number === 1;
  const previousOnly = !first && wave.audience === "PREVIOUS_COMPLETED";
  return db().$queryRaw<TCountRow[]>`
    WITH base AS (
      SELECT e."country", e."expertGroup", e."status", e."linkOpenedAt", e."invitedAt",
             EXISTS (SELECT 1 FROM "Response" r WHERE r."expertId" = e."id" AND r."instrumentId" = ${wave.instrumentId}::uuid AND r."wave" = ${wave.number}) AS "hasResponse",
             EXISTS (SELECT 1 FROM "Response" r WHERE r."expertId" = e."id" AND r."instrumentId" = ${wave.instrumentId}::uuid AND r."wave" = ${wave.number} AND r."status" = 'SUBMITTED') AS "submitted",
             EXISTS (SELECT 1 FROM "Consent" c WHERE c."expertId" = e."id" AND c."decision" = 'ACCEPTED') AS "consented",
             EXISTS (SELECT 1 FROM "InvitationToken" t WHERE t."expertId" = e."id") AS "linkIssued"
        FROM "Expert" e
       WHERE e."studyId" = ${studyId}::uuid
         AND (NOT ${previousOnly} OR EXISTS (SELECT 1 FROM "Response" p WHERE p."expertId" = e."id" AND p."instrumentId" = ${wave.instrumentId}::uuid
                                             AND p."wave" = ${wave.number - 1} AND p."status" = 'SUBMITTED'))
    ), c AS (
      SELECT *, (("status" = 'COMPLETED' AND ${first}) OR "submitted") AS "isCompleted" FROM base
    ), s AS (
      SELECT *, ("isCompleted" OR (${first} AND ("status" = 'STARTED' OR "consented")) OR "hasResponse") AS "isStarted" FROM c
    ), o AS (
      SELECT *, ("isStarted" OR "linkOpenedAt" IS NOT NULL) AS "isOpened" FROM s
    ), i AS (
      SELECT *, ("isOpened" OR "invitedAt" IS NOT NULL OR "status" = 'INVITED' OR "linkIssued") AS "isInvited" FROM o
    ), f AS (
      SELECT *, ("isInvited" OR "status" = 'VETTED') AS "isVetted" FROM i
    )
    SELECT "country", "expertGroup", GROUPING("country", "expertGroup") <> 0 AS "overall",
           count(*)::int AS "nominated",
           count(*) FILTER (WHERE "isVetted")::int AS "vetted",
           count(*) FILTER (WHERE "isInvited")::int AS "invited",
           count(*) FILTER (WHERE "isOpened")::int AS "opened",
           count(*) FILTER (WHERE "isStarted")::int AS "started",
           count(*) FILTER (WHERE "isCompleted")::int AS "completed",
           count(*) FILTER (WHERE "status" = 'DECLINED')::int AS "declined",
           count(*) FILTER (WHERE "status" = 'WITHDRAWN')::int AS "withdrawn",
           count(*) FILTER (WHERE "status" = 'REJECTED')::int AS "rejected",
           count(*) FILTER (WHERE "isStarted" AND NOT "isCompleted" AND NOT "hasResponse")::int AS "startedNoAnswers"
      FROM f
     GROUP BY GROUPING SETS (("country", "expertGroup"), ())
     ORDER BY "country", "expertGroup"`;
}

const EMPTY: TCountRow = {
  country: null,
  expertGroup: null,
  overall: true,
  nominated: 0,
  vetted: 0,
  invited: 0,
  opened: 0,
  started: 0,
  completed: 0,
  declined: 0,
  withdrawn: 0,
  rejected: 0,
  startedNoAnswers: 0,
};

const funnelOf = (row: TCountRow): TFunnel => ({ stages: funnelRows(row), declined: row.declined, withdrawn: row.withdrawn, rejected: row.rejected });

/** Last activity per expert, derived from what their actions left behind (no write on every autosave). */
async function activity(studyId: string, wave: TWaveScope): Promise<TActivityRow[]> {
  const rows = await db().$queryRaw<Array<Omit<TActivityRow, "linkOpenedAt" | "startedAt" | "submittedAt" | "lastActivityAt"> & Record<"linkOpenedAt" | "startedAt" | "submittedAt" | "lastActivityAt", Date | null>>>`
    SELECT e."id" AS "expertId", e."pseudonym", e."country", e."expertGroup", e."status", e."linkOpenedAt",
           r."startedAt", r."submittedAt",
           GREATEST(e."linkOpenedAt", e."lastActivityAt", r."updatedAt", r."submittedAt", c."decidedAt") AS "lastActivityAt"
      FROM "Expert" e
      LEFT JOIN LATERAL (SELECT "startedAt", "updatedAt", "submittedAt" FROM "Response"
                          WHERE "expertId" = e."id" AND "instrumentId" = ${wave.instrumentId}::uuid AND "wave" = ${wave.number} LIMIT 1) r ON true
      LEFT JOIN LATERAL (SELECT max("decidedAt") AS "decidedAt" FROM "Consent" WHERE "expertId" = e."id") c ON true
     WHERE e."studyId" = ${studyId}::uuid
     ORDER BY "lastActivityAt" DESC NULLS LAST, e."pseudonym"`;
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return rows.map((r) => ({ ...r, linkOpenedAt: iso(r.linkOpenedAt), startedAt: iso(r.startedAt), submittedAt: iso(r.submittedAt), lastActivityAt: iso(r.lastActivityAt) }));
}

/** The median time from a response's first save to its submission. */
async function completion(studyId: string, wave: TWaveScope) {
  const [row] = await db().$queryRaw<Array<{ submitted: number; medianSeconds: number | null }>>`
    SELECT count(*)::int AS "submitted",
           percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM r."submittedAt" - r."startedAt"))::float8 AS "medianSeconds"
      FROM "Response" r JOIN "Expert" e ON e."id" = r."expertId"
     WHERE e."studyId" = ${studyId}::uuid AND r."instrumentId" = ${wave.instrumentId}::uuid AND r."wave" = ${wave.number}
       AND r."status" = 'SUBMITTED' AND r."submittedAt" IS NOT NULL`;
  return { submitted: row?.submitted ?? 0, medianSeconds: row?.medianSeconds ?? null };
}

/**
 * Where started, unfinished responses stop: the section of each one's most recently saved item,
 * counted per (version, item) in SQL and then mapped to sections with the version's definition.
 */
async function dropOff(studyId: string, wave: TWaveScope): Promise<TDropOff[]> {
  const rows = await db().$queryRaw<Array<{ versionId: string; itemCode: string; count: number }>>`
    SELECT r."versionId", last."itemCode", count(*)::int AS "count"
      FROM "Response" r
      JOIN "Expert" e ON e."id" = r."expertId"
      JOIN LATERAL (SELECT a."itemCode" FROM "Answer" a WHERE a."responseId" = r."id"
                     ORDER BY a."updatedAt" DESC, a."itemCode" LIMIT 1) last ON true
     WHERE e."studyId" = ${studyId}::uuid AND r."instrumentId" = ${wave.instrumentId}::uuid AND r."wave" = ${wave.number} AND r."status" = 'IN_PROGRESS'
     GROUP BY r."versionId", last."itemCode"`;
  const versionIds = [...new Set(rows.map((r) => r.versionId))];
  const versions = await db().instrumentVersion.findMany({ where: { id: { in: versionIds } }, select: { id: true, content: true } });
  const sectionOfItem = new Map<string, { code: string; title: TText; position: number }>();
  for (const v of versions) {
    const q = publishedQuestionnaire(v.id, v.content);
    q.sections.forEach((s, position) => {
      for (const item of s.items) sectionOfItem.set(`${v.id}:${item.code}`, { code: s.code, title: s.title, position });
    });
  }
  const bySection = new Map<string, TDropOff>();
  for (const r of rows) {
    const section = sectionOfItem.get(`${r.versionId}:${r.itemCode}`);
    const code = section?.code ?? "?";
    const entry = bySection.get(code) ?? { sectionCode: code, title: section?.title ?? null, position: section?.position ?? Number.MAX_SAFE_INTEGER, count: 0 };
    entry.count += r.count;
    bySection.set(code, entry);
  }
  return [...bySection.values()].sort((a, b) => a.position - b.position || a.sectionCode.localeCompare(b.sectionCode));
}

/** The gate of every figure below: the study must be one the actor coordinates, else 404. */
async function assertStudy(actor: TActor, studyId: string) {
  assertId(studyId, "The study");
  const study = await db().study.findFirst({ where: { id: studyId, ...coordinatedBy(actor) }, select: { id: true } });
  if (!study) throw notFound("The study");
}

/**
 * Everything the monitoring page shows for one study, computed from the database now, for one wave
 * of its questionnaire: `wave`, or the latest (lib/study/study-waves.ts).
 */
export async function getMonitor(actor: TActor, studyId: string, wave?: number): Promise<TMonitor> {
  assertRole(actor, "COORDINATOR");
  assertId(studyId, "The study");
  const questionnaires = await studyQuestionnaires(db(), studyId, coordinatedBy(actor));
  if (!questionnaires) throw notFound("The study");
  const q = questionnaires[0];
  const shown = q ? chosenWave(q, wave) : null;
  const scope: TWaveScope = { instrumentId: q?.id ?? null, number: shown?.number ?? 1, audience: shown?.audience ?? "PANEL" };
  const [counts, targets, activityRows, done, drop] = await Promise.all([
    stageCounts(studyId, scope),
    db().cellTarget.findMany({ where: { studyId }, select: { country: true, expertGroup: true, target: true } }),
    activity(studyId, scope),
    completion(studyId, scope),
    dropOff(studyId, scope),
  ]);
  const overall = counts.find((r) => r.overall) ?? EMPTY;
  const cellRows = new Map(counts.filter((r) => !r.overall).map((r) => [`${r.country}:${r.expertGroup}`, r]));
  const targetOf = new Map(targets.map((t) => [`${t.country}:${t.expertGroup}`, t.target]));
  const keys = [...new Set([...cellRows.keys(), ...targetOf.keys()])].sort();
  const cells = keys.map((key): TCell => {
    const [country, expertGroup] = key.split(":") as [string, ExpertGroup];
    const row = cellRows.get(key) ?? { ...EMPTY, country, expertGroup, overall: false };
    const target = targetOf.get(key) ?? null;
    return { country, expertGroup, ...funnelOf(row), target, progress: targetProgress(row.completed, target), started: row.started, completed: row.completed };
  });
  return {
    studyId,
    wave: scope.number,
    waves: (q?.waves ?? []).filter((w) => w.status !== "PLANNED").map((w) => ({ number: w.number, kind: w.kind, status: w.status, audience: w.audience })),
    generatedAt: new Date().toISOString(),
    overall: funnelOf(overall),
    cells,
    activity: activityRows,
    completion: done,
    dropOff: { sections: drop, beforeFirstAnswer: overall.startedNoAnswers },
  };
}

/**
 * Sets the targets of the given cells (0 removes a cell's target), in one transaction, audited
 * with the cells' targets before and after.
 */
export async function setTargets(actor: TActor, studyId: string, raw: TSetTargets) {
  assertRole(actor, "COORDINATOR");
  const input = parseInput(ZSetTargets, raw);
  await assertStudy(actor, studyId);
  return db().$transaction(async (tx) => {
    const cells = input.targets.map((t) => ({ studyId, country: t.country, expertGroup: t.expertGroup }));
    const before = await tx.cellTarget.findMany({ where: { OR: cells }, select: { country: true, expertGroup: true, target: true }, orderBy: [{ country: "asc" }, { expertGroup: "asc" }] });
    for (const t of input.targets) {
      const id = { studyId_country_expertGroup: { studyId, country: t.country, expertGroup: t.expertGroup } };
      if (t.target === 0) await tx.cellTarget.deleteMany({ where: { studyId, country: t.country, expertGroup: t.expertGroup } });
      else await tx.cellTarget.upsert({ where: id, create: { studyId, country: t.country, expertGroup: t.expertGroup, target: t.target }, update: { target: t.target } });
    }
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "targets.update",
      entity: "Study",
      entityId: studyId,
      before: before.map((b) => ({ country: b.country, expertGroup: b.expertGroup, target: b.target })),
      after: input.targets.map((t) => ({ country: t.country, expertGroup: t.expertGroup, target: t.target })),
    });
    const targets = await tx.cellTarget.findMany({ where: { studyId }, select: { country: true, expertGroup: true, target: true }, orderBy: [{ country: "asc" }, { expertGroup: "asc" }] });
    return { targets };
  });
}
