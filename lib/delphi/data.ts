import "server-only";
import { sql } from "@/lib/db";
import type { TRespondent } from "@/lib/delphi/report";
import type { TAnswerValue } from "@/lib/instrument/answers";

/**
 * Reads of a round's answers for the report and the group feedback. The callers have already found
 * the questionnaire through the actor's membership (coordinators) or the expert's own assignment;
 * these take its id. Synthetic demo experts count like others, as on the dashboard.
 */

type TRow = { expertId: string; country: string; group: string; answers: Record<string, TAnswerValue> | null };

/** The submitted responses of one wave, each with its expert's cell and answers to the given items. */
export async function roundRespondents(instrumentId: string, wave: number, itemCodes: readonly string[]): Promise<TRespondent[]> {
  const { rows } = await sql().query<TRow>(
    `SELECT r."expertId", e."country", e."expertGroup"::text AS "group",
            (SELECT jsonb_object_agg(a."itemCode", a."value") FROM "Answer" a
              WHERE a."responseId" = r."id" AND a."itemCode" = ANY($3::text[]) AND a."value" <> 'null'::jsonb) AS "answers"
       FROM "Response" r JOIN "Expert" e ON e."id" = r."expertId"
      WHERE r."instrumentId" = $1::uuid AND r."wave" = $2::integer AND r."status" = 'SUBMITTED'`,
    [instrumentId, wave, itemCodes],
  );
  return rows.map((r) => ({ expertId: r.expertId, country: r.country, group: r.group, answers: r.answers ?? {} }));
}

/** The values given to one item in a wave: submitted responses only, or (real-time rounds) every response begun. */
export async function itemValues(instrumentId: string, wave: number, itemCode: string, submittedOnly: boolean): Promise<TAnswerValue[]> {
  const { rows } = await sql().query<{ value: TAnswerValue }>(
    `SELECT a."value" FROM "Response" r JOIN "Answer" a ON a."responseId" = r."id" AND a."itemCode" = $3
      WHERE r."instrumentId" = $1::uuid AND r."wave" = $2::integer AND a."value" <> 'null'::jsonb
        AND ($4::boolean IS FALSE OR r."status" = 'SUBMITTED')`,
    [instrumentId, wave, itemCode, submittedOnly],
  );
  return rows.map((r) => r.value);
}

/** The reasons given in one wave, by item (no expert named). */
export async function roundReasons(instrumentId: string, wave: number): Promise<Array<{ itemCode: string; text: string }>> {
  const { rows } = await sql().query<{ itemCode: string; text: string }>(
    `SELECT x."itemCode", x."text" FROM "AnswerReason" x JOIN "Response" r ON r."id" = x."responseId"
      WHERE r."instrumentId" = $1::uuid AND r."wave" = $2::integer AND r."status" = 'SUBMITTED' AND x."text" <> ''`,
    [instrumentId, wave],
  );
  return rows;
}
