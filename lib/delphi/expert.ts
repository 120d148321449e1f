import "server-only";
import type { TActor } from "@/lib/auth/sessions";
import { assertRole } from "@/lib/auth/roles";
import type { TExpertFeedback, TExpertFeedbackItem } from "@/lib/delphi/expert-types";
import { itemFeedback, hasFeedback, type TItemFeedback } from "@/lib/delphi/feedback";
import { feedbackRow, versionContent, type TValueCount } from "@/lib/delphi/sql";
import type { TAnswerValue } from "@/lib/instrument/answers";
import type { TItem, TQuestionnaire } from "@/lib/instrument/definition";
import { allItems } from "@/lib/instrument/items";
import { cachedQuestionnaire, publishedQuestionnaire } from "@/lib/instrument/published";
import { askedIn } from "@/lib/instrument/wave-items";
import { assignmentOf } from "@/lib/study/waves";

/**
 * What an expert sees beside each item of a Delphi round: their own answer in the previous round
 * and the group's (lib/delphi/feedback.ts), found through the expert's own assignment (never an id
 * from the client), in one statement (lib/delphi/sql.ts, feedbackRow). In a real-time round the
 * group's figures are this round's answers so far, and only for items the expert has answered.
 */

export type { TExpertFeedback, TExpertFeedbackItem } from "@/lib/delphi/expert-types";

/**
 * A closed previous round's answers change only when a coordinator reopens a response there: each
 * instance keeps their counts for a few seconds (derived data, never shared state), so a round's
 * many experts do not each count every answer again, and keeps the figures made from them per item
 * and k. A real-time round's counts are never kept: they are read with every request.
 */
const PREVIOUS_TTL_MS = 5_000;
const GROUPS_KEPT = 100;
type TGroups = { at: number; values: Map<string, TAnswerValue[]>; figures: Map<string, TItemFeedback | null> };
const previousGroups = new Map<string, TGroups>();

/** Versions whose definitions this instance has parsed (lib/instrument/published.ts keeps them). */
const parsedVersions = new Set<string>();

function valuesOf(counts: readonly TValueCount[]): Map<string, TAnswerValue[]> {
  const out = new Map<string, TAnswerValue[]>();
  for (const [itemCode, value, n] of counts) {
    const values = out.get(itemCode) ?? [];
    for (let i = 0; i < n; i++) values.push(value);
    out.set(itemCode, values);
  }
  return out;
}

async function definitionOf(versionId: string, content: unknown): Promise<TQuestionnaire> {
  const parsed = content === null ? cachedQuestionnaire(versionId) : undefined;
  const definition = parsed ?? publishedQuestionnaire(versionId, content ?? (await versionContent(versionId)));
  if (parsedVersions.size > 200) parsedVersions.clear();
  parsedVersions.add(versionId);
  return definition;
}

/** The feedback of every item the round asks, or of one item (`only`); null outside a Delphi round. */
export async function getExpertFeedback(actor: TActor, only?: string): Promise<TExpertFeedback> {
  assertRole(actor, "EXPERT");
  const now = Date.now();
  const fresh = new Map([...previousGroups].filter(([, g]) => now - g.at < PREVIOUS_TTL_MS));
  const row = await feedbackRow(actor.userId, [...parsedVersions], [...fresh.keys()], only ?? null);
  if (!row?.instrumentId || !row.publishedVersionId) return null;
  const wave = assignmentOf(row).wave!;
  const definition = await definitionOf(row.publishedVersionId, row.content);
  const previous = wave.number - 1;

  let groups: TGroups;
  if (wave.realtime) groups = { at: now, values: valuesOf(row.groups ?? []), figures: new Map() };
  else {
    const key = `${row.instrumentId}|${previous}`;
    const kept = row.groups === null ? fresh.get(key) : undefined;
    groups = kept ?? { at: now, values: valuesOf(row.groups ?? []), figures: new Map() };
    if (!kept) {
      if (previousGroups.size >= GROUPS_KEPT) previousGroups.clear();
      previousGroups.set(key, groups);
    }
  }
  const figures = (item: TItem) => {
    const key = `${row.publishedVersionId}|${item.code}|${row.suppressionK}`;
    if (!groups.figures.has(key)) groups.figures.set(key, itemFeedback(item, groups.values.get(item.code) ?? [], row.suppressionK));
    return groups.figures.get(key)!;
  };

  const own = row.own ?? {};
  const answeredNow = wave.realtime ? (row.ownNow ?? {}) : null;
  const out: Record<string, TExpertFeedbackItem> = {};
  for (const item of allItems(definition)) {
    if (!hasFeedback(item) || !askedIn(wave, item.code) || (only !== undefined && item.code !== only)) continue;
    // Real-time rounds show the group only once the expert has given their own answer.
    const shown = !answeredNow || item.code in answeredNow;
    out[item.code] = { own: own[item.code] ?? null, group: shown ? figures(item) : null };
  }
  return { round: previous, realtime: wave.realtime, items: out };
}
