import pg from "pg";
import type { ExpertPanel } from "./load";
import { canonical } from "./values";

/**
 * What the database holds after a load, compared with what each simulated expert was told:
 * - every stored answer equals the value and revision last acknowledged for that expert and item
 *   (items whose last save has an unknown outcome are left out and counted);
 * - the mutation log (AnswerMutation, keyed by mutation id) holds every acknowledged mutation id;
 *   rows beyond those can only come from saves with an unknown outcome;
 * - each answer's history is whole: its mutations carry revisions 1…revision, once each, and the
 *   answer names the mutation of its current revision (a save applied twice, or lost, breaks this).
 */
export type TVerification = {
  compared: number;
  mismatches: number;
  unknown: number;
  examples: string[];
  mutationRows: number;
  /** Acknowledged mutation ids with no row in the mutation log. */
  missingMutations: number;
  /** Rows in the mutation log whose id was never acknowledged. */
  unacknowledgedMutations: number;
  /** Answers whose mutations are not exactly revisions 1…revision or that name another mutation. */
  brokenHistories: number;
  responses: number;
};

export async function verifyStoredAnswers(databaseUrl: string, instrumentId: string, panel: ExpertPanel): Promise<TVerification> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "expert-panel-bench" });
  await client.connect();
  try {
    const { rows } = await client.query<{ expertId: string; itemCode: string; value: unknown; revision: number }>(
      `SELECT r."expertId", a."itemCode", a."value", a."revision"
       FROM "Answer" a JOIN "Response" r ON r."id" = a."responseId" WHERE r."instrumentId" = $1::uuid`,
      [instrumentId],
    );
    const { rows: mutations } = await client.query<{ id: string }>(
      `SELECT m."id" FROM "AnswerMutation" m JOIN "Response" r ON r."id" = m."responseId" WHERE r."instrumentId" = $1::uuid`,
      [instrumentId],
    );
    const [{ n: brokenHistories } = { n: 0 }] = (
      await client.query<{ n: number }>(
        `SELECT count(*)::int AS n
         FROM "Answer" a JOIN "Response" r ON r."id" = a."responseId"
         LEFT JOIN LATERAL (
           SELECT count(*) AS rows, count(DISTINCT m."revision") AS revisions, min(m."revision") AS low, max(m."revision") AS high,
                  bool_or(m."id" = a."mutationId" AND m."revision" = a."revision") AS names_current
           FROM "AnswerMutation" m WHERE m."responseId" = a."responseId" AND m."itemCode" = a."itemCode"
         ) h ON true
         WHERE r."instrumentId" = $1::uuid
           AND NOT (h.rows = a."revision" AND h.revisions = a."revision" AND h.low = 1 AND h.high = a."revision" AND h.names_current)`,
        [instrumentId],
      )
    ).rows;
    const [{ n: responses } = { n: 0 }] = (
      await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Response" WHERE "instrumentId" = $1::uuid`, [instrumentId])
    ).rows;

    const logged = new Set(mutations.map((m) => m.id));
    let missingMutations = 0;
    for (const id of panel.ackedMutations) if (!logged.has(id)) missingMutations++;
    let unacknowledgedMutations = 0;
    for (const id of logged) if (!panel.ackedMutations.has(id)) unacknowledgedMutations++;

    const expertIndex = new Map(panel.expertIds.map((id, i) => [id, i]));
    const itemIndex = new Map(panel.items.map((it, j) => [it.code, j]));
    const m = panel.items.length;
    const stored = new Map<number, { value: unknown; revision: number }>();
    const examples: string[] = [];
    let mismatches = 0;
    const mismatch = (text: string) => {
      mismatches++;
      if (examples.length < 5) examples.push(text);
    };
    for (const row of rows) {
      const e = expertIndex.get(row.expertId);
      const j = itemIndex.get(row.itemCode);
      if (e === undefined || j === undefined) {
        mismatch(`unexpected answer ${row.itemCode} of expert ${row.expertId}`);
        continue;
      }
      stored.set(e * m + j, { value: row.value, revision: row.revision });
    }
    let compared = 0;
    let unknown = 0;
    for (let slot = 0; slot < panel.revision.length; slot++) {
      if (panel.unknown[slot]) {
        unknown++;
        continue;
      }
      compared++;
      const expected = panel.revision[slot]!;
      const got = stored.get(slot);
      const where = `expert #${Math.floor(slot / m) + 1} ${panel.items[slot % m]!.code}`;
      if (expected === 0) {
        if (got) mismatch(`${where}: stored revision ${got.revision}, but no save was acknowledged`);
      } else if (!got) {
        mismatch(`${where}: acknowledged revision ${expected}, nothing stored`);
      } else if (got.revision !== expected) {
        mismatch(`${where}: acknowledged revision ${expected}, stored ${got.revision}`);
      } else if (canonical(got.value) !== canonical(panel.value[slot])) {
        mismatch(`${where}: stored value differs from the acknowledged one`);
      }
    }
    return { compared, mismatches, unknown, examples, mutationRows: mutations.length, missingMutations, unacknowledgedMutations, brokenHistories, responses };
  } finally {
    await client.end();
  }
}
