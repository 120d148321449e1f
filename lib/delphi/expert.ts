import "server-only";
import type { TActor } from "@/lib/auth/sessions";
import { assertRole } from "@/lib/auth/roles";
import { db, sql } from "@/lib/db";
import type { TExpertFeedback, TExpertFeedbackItem } from "@/lib/delphi/expert-types";
import { itemFeedback, hasFeedback } from "@/lib/delphi/feedback";
import type { TAnswerValue } from "@/lib/instrument/answers";
import type { TQuestionnaire } from "@/lib/instrument/definition";
import { allItems } from "@/lib/instrument/items";
import { publishedQuestionnaire } from "@/lib/instrument/published";
import { askedIn } from "@/lib/instrument/wave-items";
import { currentAssignment, type TAssignment } from "@/lib/study/waves";

/**
 * What an expert sees beside each item of a Delphi round: their own answer in the previous round
 * and the group's (lib/delphi/feedback.ts), found through the expert's own assignment (never an id
 * from the client). In a real-time round the group's figures are this round's answers so far, and
 * only for items the expert has answered.
 */

export type { TExpertFeedback, TExpertFeedbackItem } from "@/lib/delphi/expert-types";

type TContext = { assignment: TAssignment & { instrumentId: string; wave: NonNullable<TAssignment["wave"]> }; k: number; definition: TQuestionnaire };

async function delphiContext(actor: TActor): Promise<TContext | null> {
  assertRole(actor, "EXPERT");
  const assignment = await currentAssignment(actor.userId);
  if (!assignment?.instrumentId || !assignment.wave || assignment.wave.kind !== "DELPHI_ROUND" || assignment.wave.number < 2) return null;
  const versionId = assignment.response?.versionId ?? assignment.wave.versionId;
  const [study, version] = await Promise.all([
    db().study.findUniqueOrThrow({ where: { id: assignment.studyId }, select: { suppressionK: true } }),
    db().instrumentVersion.findFirst({
      where: { instrumentId: assignment.instrumentId, status: "PUBLISHED", ...(versionId ? { id: versionId } : {}) },
      orderBy: { number: "desc" },
      select: { id: true, content: true },
    }),
  ]);
  if (!version) return null;
  return { assignment: assignment as TContext["assignment"], k: study.suppressionK, definition: publishedQuestionnaire(version.id, version.content) };
}

/**
 * Values of the asked items in one wave, by item: submitted responses only (the previous round), or
 * every response begun (a real-time round's own answers so far). PostgreSQL counts equal values
 * (a scale has at most a dozen), so only the distinct values travel; one statement on the
 * (instrumentId, wave, status) index and each response's answers.
 */
async function valuesByItem(instrumentId: string, wave: number, codes: readonly string[], submittedOnly: boolean): Promise<Map<string, TAnswerValue[]>> {
  const { rows } = await sql().query<{ itemCode: string; value: TAnswerValue; n: number }>(
    `SELECT a."itemCode", a."value", count(*)::int AS "n"
       FROM "Response" r JOIN "Answer" a ON a."responseId" = r."id"
      WHERE r."instrumentId" = $1::uuid AND r."wave" = $2::integer AND a."itemCode" = ANY($3::text[])
        AND a."value" <> 'null'::jsonb AND ($4::boolean IS FALSE OR r."status" = 'SUBMITTED')
      GROUP BY a."itemCode", a."value"`,
    [instrumentId, wave, codes, submittedOnly],
  );
  const out = new Map<string, TAnswerValue[]>();
  for (const row of rows) {
    const values = out.get(row.itemCode) ?? [];
    for (let i = 0; i < row.n; i++) values.push(row.value);
    out.set(row.itemCode, values);
  }
  return out;
}

/**
 * A closed previous round's answers change only when a coordinator reopens a response there: each
 * instance keeps them for a few seconds (derived data, never shared state), so a page's refetches
 * and a round's many experts do not each read every answer again.
 */
const PREVIOUS_TTL_MS = 10_000;
const previousCache = new Map<string, { at: number; values: Promise<Map<string, TAnswerValue[]>> }>();

function previousValues(instrumentId: string, wave: number, codes: readonly string[]): Promise<Map<string, TAnswerValue[]>> {
  const key = `${instrumentId}|${wave}|${codes.join(",")}`;
  const hit = previousCache.get(key);
  if (hit && Date.now() - hit.at < PREVIOUS_TTL_MS) return hit.values;
  const values = valuesByItem(instrumentId, wave, codes, true);
  if (previousCache.size > 500) previousCache.clear();
  previousCache.set(key, { at: Date.now(), values });
  values.catch(() => previousCache.delete(key));
  return values;
}

/** The expert's own answers in a wave, by item. */
async function ownAnswers(expertId: string, instrumentId: string, wave: number, codes: readonly string[]): Promise<Map<string, TAnswerValue>> {
  const { rows } = await sql().query<{ itemCode: string; value: TAnswerValue }>(
    `SELECT a."itemCode", a."value" FROM "Response" r JOIN "Answer" a ON a."responseId" = r."id"
      WHERE r."expertId" = $1::uuid AND r."instrumentId" = $2::uuid AND r."wave" = $3::integer
        AND a."itemCode" = ANY($4::text[]) AND a."value" <> 'null'::jsonb`,
    [expertId, instrumentId, wave, codes],
  );
  return new Map(rows.map((r) => [r.itemCode, r.value]));
}

/** The feedback of every item the round asks, or of one item (`only`); null outside a Delphi round. */
export async function getExpertFeedback(actor: TActor, only?: string): Promise<TExpertFeedback> {
  const ctx = await delphiContext(actor);
  if (!ctx) return null;
  const { assignment, k, definition } = ctx;
  const wave = assignment.wave;
  const items = allItems(definition).filter((i) => hasFeedback(i) && askedIn(wave, i.code) && (only === undefined || i.code === only));
  const codes = items.map((i) => i.code);
  const previous = wave.number - 1;
  const [own, group, answeredNow] = await Promise.all([
    ownAnswers(assignment.expertId, assignment.instrumentId, previous, codes),
    wave.realtime ? valuesByItem(assignment.instrumentId, wave.number, codes, false) : previousValues(assignment.instrumentId, previous, codes),
    wave.realtime ? ownAnswers(assignment.expertId, assignment.instrumentId, wave.number, codes) : Promise.resolve(null),
  ]);
  const out: Record<string, TExpertFeedbackItem> = {};
  for (const item of items) {
    // Real-time rounds show the group only once the expert has given their own answer.
    const shown = !answeredNow || answeredNow.has(item.code);
    out[item.code] = { own: own.get(item.code) ?? null, group: shown ? itemFeedback(item, group.get(item.code) ?? [], k) : null };
  }
  return { round: previous, realtime: wave.realtime, items: out };
}
