import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { assertRole } from "@/lib/auth/roles";
import type { TActor } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { lockWaves, roundReasons, roundRespondents } from "@/lib/delphi/sql";
import { roundReport, type TReportRow } from "@/lib/delphi/report";
import { DEFAULT_ROUND_RULES, ZRoundRules, consensusKind, type TRoundRules } from "@/lib/delphi/rules";
import { ZPlanRound, type TPlanRoundInput } from "@/lib/delphi/schemas";
import { AppError, badRequest, conflict, notFound } from "@/lib/errors";
import type { TItem, TQuestionnaire } from "@/lib/instrument/definition";
import { allItems } from "@/lib/instrument/items";
import { assertId, parseInput } from "@/lib/http/input";
import { publishedQuestionnaire } from "@/lib/instrument/published";
import { coordinatedBy } from "@/lib/study/access";
import { takesAnswers } from "@/lib/study/lifecycle";
import { closeWave } from "@/lib/instrument/wave-admin";
import { askedIn } from "@/lib/instrument/wave-items";

/**
 * Delphi rounds, on the coordinator's side: a round is a wave (kind DELPHI_ROUND) of a study's
 * questionnaire. Every read and write finds the questionnaire through the acting coordinator's
 * membership, so another team's rounds are "not found". Planning, opening and closing are audited.
 */

const WAVE_SELECT = {
  id: true,
  number: true,
  kind: true,
  status: true,
  audience: true,
  versionId: true,
  itemCodes: true,
  realtime: true,
  rules: true,
  closesAt: true,
  openedAt: true,
  closedAt: true,
} as const;

/** Items a round can ask and judge: those with a consensus rule (scales, pair ratings, choices, rankings). */
export const roundItems = (q: TQuestionnaire): TItem[] => allItems(q).filter((i) => consensusKind(i.type) !== null);

export const rulesOf = (stored: unknown): TRoundRules => {
  const parsed = ZRoundRules.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_ROUND_RULES;
};

/** The study's questionnaires with their waves and latest published version, for the rounds page. */
export async function listRounds(actor: TActor, studyId: string) {
  assertRole(actor, "COORDINATOR");
  assertId(studyId, "The study");
  const study = await db().study.findFirst({
    where: { id: studyId, ...coordinatedBy(actor) },
    select: {
      id: true,
      suppressionK: true,
      instruments: {
        where: { kind: "QUESTIONNAIRE" },
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          name: true,
          versions: { where: { status: "PUBLISHED" }, orderBy: { number: "desc" }, take: 1, select: { id: true, content: true } },
          waves: { orderBy: { number: "asc" }, select: { ...WAVE_SELECT, _count: { select: { responses: { where: { status: "SUBMITTED" } } } } } },
        },
      },
    },
  });
  if (!study) throw notFound("The study");
  return {
    studyId: study.id,
    k: study.suppressionK,
    questionnaires: study.instruments.map((i) => {
      const version = i.versions[0];
      const definition = version ? publishedQuestionnaire(version.id, version.content) : null;
      return {
        instrumentId: i.id,
        name: i.name,
        versionId: version?.id ?? null,
        definition,
        waves: i.waves.map(({ _count, ...w }) => ({ ...w, submitted: _count.responses, rules: rulesOf(w.rules) })),
      };
    }),
  };
}

/** A wave of a questionnaire of a study the coordinator coordinates, with its version's definition. */
async function findWave(actor: TActor, studyId: string, waveId: string) {
  assertRole(actor, "COORDINATOR");
  assertId(studyId, "The round");
  assertId(waveId, "The round");
  const wave = await db().wave.findFirst({
    where: { id: waveId, instrument: { studyId, kind: "QUESTIONNAIRE", study: coordinatedBy(actor) } },
    select: { ...WAVE_SELECT, instrumentId: true, instrument: { select: { study: { select: { suppressionK: true } } } } },
  });
  if (!wave) throw notFound("The round");
  return wave;
}

async function definitionFor(instrumentId: string, versionId: string | null) {
  const version = await db().instrumentVersion.findFirst({
    where: { instrumentId, status: "PUBLISHED", ...(versionId ? { id: versionId } : {}) },
    orderBy: { number: "desc" },
    select: { id: true, content: true },
  });
  return version ? publishedQuestionnaire(version.id, version.content) : null;
}

/**
 * The report of one round: every item it asked, against the rules declared with it (the default
 * rules for a first wave, which declared none), compared with the round before it.
 */
export async function getRoundReport(actor: TActor, studyId: string, waveId: string) {
  const wave = await findWave(actor, studyId, waveId);
  const definition = await definitionFor(wave.instrumentId, wave.versionId);
  if (!definition) throw notFound("The questionnaire");
  const items = roundItems(definition).filter((i) => askedIn(wave, i.code));
  const codes = items.map((i) => i.code);
  const [current, previous, reasons] = await Promise.all([
    roundRespondents(wave.instrumentId, wave.number, codes),
    wave.number > 1 ? roundRespondents(wave.instrumentId, wave.number - 1, codes) : Promise.resolve(null),
    roundReasons(wave.instrumentId, wave.number),
  ]);
  const rules = rulesOf(wave.rules);
  const k = wave.instrument.study.suppressionK;
  const rows: TReportRow[] = roundReport({ items, rules, current, previous, reasons, k });
  return { wave: { ...wave, rules }, definition, items, rows, k, respondents: current.length };
}

/** Items of a round without consensus (or not judged): what the next round offers, preselected. */
export async function itemsWithoutConsensus(actor: TActor, studyId: string, waveId: string): Promise<string[]> {
  const report = await getRoundReport(actor, studyId, waveId);
  const open = new Set(report.rows.filter((r) => r.consensus.reached !== true).map((r) => r.itemCode));
  return report.items.map((i) => i.code).filter((code) => open.has(code));
}

/**
 * Plans round N+1 of a questionnaire (PLANNED until opened): the latest round must not be planned
 * itself, the items must be items of the latest published version that a rule can judge.
 */
export async function planRound(actor: TActor, studyId: string, raw: TPlanRoundInput) {
  assertRole(actor, "COORDINATOR");
  assertId(studyId, "The study");
  const input = parseInput(ZPlanRound, raw);
  return db().$transaction(async (tx) => {
    const instrument = await tx.instrument.findFirst({
      where: { id: input.instrumentId, studyId, kind: "QUESTIONNAIRE", study: coordinatedBy(actor) },
      select: { id: true, versions: { where: { status: "PUBLISHED" }, orderBy: { number: "desc" }, take: 1, select: { id: true, content: true } } },
    });
    if (!instrument) throw notFound("The questionnaire");
    const version = instrument.versions[0];
    if (!version) throw conflict("The questionnaire has no published version.");
    // Lock the questionnaire's waves, so two coordinators planning at once make one round.
    await lockWaves(tx, instrument.id);
    const last = await tx.wave.findFirst({ where: { instrumentId: instrument.id }, orderBy: { number: "desc" }, select: { number: true, status: true } });
    if (last?.status === "PLANNED") throw new AppError(409, "round_planned", `Round ${last.number} is planned and not yet open: open it or change it first.`);
    const known = new Set(roundItems(publishedQuestionnaire(version.id, version.content)).map((i) => i.code));
    const unknown = input.itemCodes.filter((c) => !known.has(c));
    if (unknown.length > 0) throw badRequest(`Not items a round can ask: ${unknown.join(", ")}.`, unknown.map((c) => ({ path: "itemCodes", message: `unknownItem:${c}` })));
    const ruleCodes = Object.keys(input.rules.items);
    const allCodes = new Set(allItems(publishedQuestionnaire(version.id, version.content)).flatMap((i) => [i.code, ...(i.type === "matrix" ? i.rows.map((r) => r.code) : [])]));
    const strays = ruleCodes.filter((c) => !allCodes.has(c));
    if (strays.length > 0) throw badRequest(`Rules name unknown items: ${strays.join(", ")}.`, strays.map((c) => ({ path: "rules.items", message: `unknownItem:${c}` })));
    const number = (last?.number ?? 0) + 1;
    const wave = await tx.wave.create({
      data: {
        instrumentId: instrument.id,
        number,
        kind: "DELPHI_ROUND",
        status: "PLANNED",
        audience: input.audience,
        versionId: version.id,
        itemCodes: [...new Set(input.itemCodes)],
        realtime: input.realtime,
        rules: input.rules,
        closesAt: input.closesAt ? new Date(input.closesAt) : null,
        createdById: actor.userId,
      },
      select: { id: true, number: true },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "wave.plan",
      entity: "Wave",
      entityId: wave.id,
      after: { number, kind: "DELPHI_ROUND", audience: input.audience, itemCodes: input.itemCodes, realtime: input.realtime, closesAt: input.closesAt, rules: input.rules },
    });
    return wave;
  });
}

/**
 * Opens a planned round (closing the questionnaire's round that is still open, so experts move on
 * to the new one) or closes an open one. The database keeps the rules as they were when it opened.
 */
export async function setRoundStatus(actor: TActor, studyId: string, waveId: string, action: "open" | "close") {
  const wave = await findWave(actor, studyId, waveId);
  if (action === "close") {
    if (wave.status !== "OPEN") throw conflict("Only an open round can be closed.");
    await closeWave(actor, wave.id);
    return { status: "CLOSED" as const };
  }
  return db().$transaction(async (tx) => {
    const study = await tx.study.findFirstOrThrow({ where: { instruments: { some: { id: wave.instrumentId } } }, select: { status: true } });
    if (!takesAnswers(study.status)) throw new AppError(409, "study_closed", "The study is closed: it takes no more answers, so no round can open.");
    const now = new Date();
    const moved = await tx.wave.updateMany({ where: { id: wave.id, status: "PLANNED" }, data: { status: "OPEN", openedAt: now } });
    if (moved.count === 0) throw conflict("Only a planned round can be opened.");
    const open = await tx.wave.findMany({ where: { instrumentId: wave.instrumentId, status: "OPEN", number: { lt: wave.number } }, select: { id: true, number: true } });
    for (const earlier of open) {
      await tx.wave.update({ where: { id: earlier.id }, data: { status: "CLOSED", closedAt: now } });
      await recordAudit(tx, { actorId: actor.userId, action: "wave.close", entity: "Wave", entityId: earlier.id, before: { status: "OPEN" }, after: { status: "CLOSED", reason: `round ${wave.number} opened` } });
    }
    await recordAudit(tx, { actorId: actor.userId, action: "wave.open", entity: "Wave", entityId: wave.id, before: { status: "PLANNED" }, after: { status: "OPEN" } });
    return { status: "OPEN" as const };
  });
}

/** Every round of the questionnaire up to this one, reported, for the round-comparison table. */
export async function getRoundComparison(actor: TActor, studyId: string, waveId: string) {
  const wave = await findWave(actor, studyId, waveId);
  const earlier = await db().wave.findMany({
    where: { instrumentId: wave.instrumentId, number: { lte: wave.number }, status: { not: "PLANNED" } },
    orderBy: { number: "asc" },
    select: { id: true, number: true },
  });
  const rounds = [];
  for (const w of earlier) rounds.push({ number: w.number, rows: (await getRoundReport(actor, studyId, w.id)).rows });
  return rounds;
}

/** Records a download of a round's report or comparison in the audit log. */
export async function auditRoundDownload(actor: TActor, studyId: string, waveId: string, what: { table: string; format: string }) {
  const wave = await findWave(actor, studyId, waveId);
  await recordAudit(db(), { actorId: actor.userId, action: "wave.report.download", entity: "Wave", entityId: wave.id, after: what });
}
