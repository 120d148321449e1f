import type { Prisma } from "@/lib/generated/prisma/client";
import { DEFAULT_ROUND_RULES } from "@/lib/delphi/rules";
import { summariseNumbers } from "@/lib/delphi/stats";
import type { TAnswerValue, TMatrixAnswer, TMultiAnswer } from "@/lib/instrument/answers";
import { optionOrderFor } from "@/lib/instrument/order";
import { ZQuestionnaire } from "@/lib/instrument/definition";
import { prng, uuidFrom } from "@/prisma/seed/demo-data";

/**
 * The demo's closed Delphi round 2, so the round report has something to show from the first start:
 * the experts who completed the questionnaire answered the pair ratings (Q5) and the prevailing type
 * of interaction (Q25, on which the paper's experts "could not come to a common opinion") again.
 * Most pair ratings move halfway toward round 1's median; a few experts keep theirs, and those
 * whose new rating is still far from the group say why. Wave 1 stays open, so the demo expert can
 * still answer the questionnaire.
 */
export const DEMO_ROUND_ITEMS = ["Q5", "Q25"] as const;

const REASONS = [
  "На границе Казахстана и Кыргызстана очереди выросли, и это видно по грузопотоку.",
  "Совместные проекты наших регионов с Арменией почти не продвинулись за год.",
  "I work on this corridor every week: the exchange is much weaker than the capitals report.",
  "Региональные соглашения подписаны, но не исполняются.",
];

export async function seedDemoRound(tx: Prisma.TransactionClient, studyId: string): Promise<void> {
  const r = prng(15);
  const version = await tx.instrumentVersion.findFirstOrThrow({
    where: { instrument: { studyId, kind: "QUESTIONNAIRE" }, status: "PUBLISHED" },
    orderBy: { number: "desc" },
    select: { id: true, instrumentId: true, content: true },
  });
  const q = ZQuestionnaire.parse(version.content);
  const round1 = await tx.response.findMany({
    where: { instrumentId: version.instrumentId, wave: 1, status: "SUBMITTED", expert: { isDemo: true } },
    orderBy: { expert: { pseudonym: "asc" } },
    select: { expertId: true, submittedAt: true, answers: { where: { itemCode: { in: [...DEMO_ROUND_ITEMS] } }, select: { itemCode: true, value: true } } },
  });
  const before = round1.map((resp) => Object.fromEntries(resp.answers.map((a) => [a.itemCode, a.value as TAnswerValue])));
  const rows = Object.keys((before.find((b) => b.Q5)?.Q5 as TMatrixAnswer | undefined)?.rows ?? {});
  const medians = Object.fromEntries(
    rows.map((row) => [row, summariseNumbers(before.flatMap((b) => (typeof (b.Q5 as TMatrixAnswer | undefined)?.rows[row] === "number" ? [(b.Q5 as TMatrixAnswer).rows[row] as number] : [])))?.median ?? 5]),
  );

  const closedAt = new Date("2019-07-15T18:00:00Z");
  const openedAt = new Date("2019-07-01T09:00:00Z");
  const wave = await tx.wave.create({
    data: {
      instrumentId: version.instrumentId,
      number: 2,
      kind: "DELPHI_ROUND",
      status: "PLANNED",
      audience: "PREVIOUS_COMPLETED",
      versionId: version.id,
      itemCodes: [...DEMO_ROUND_ITEMS],
      rules: DEFAULT_ROUND_RULES as unknown as Prisma.InputJsonValue,
      closesAt: closedAt,
    },
    select: { id: true },
  });
  // Forward only, as the database requires: planned, open, closed.
  await tx.wave.update({ where: { id: wave.id }, data: { status: "OPEN", openedAt } });
  await tx.wave.update({ where: { id: wave.id }, data: { status: "CLOSED", closedAt } });

  const answerRows: Array<{ responseId: string; itemCode: string; value: TAnswerValue; mutationId: string; updatedAt: Date }> = [];
  const reasons: Prisma.AnswerReasonCreateManyInput[] = [];
  const responses: Prisma.ResponseCreateManyInput[] = [];
  for (const [i, resp] of round1.entries()) {
    const responseId = uuidFrom(`demo-round2-${i}`);
    const at = new Date(openedAt.getTime() + (1 + (i % 10)) * 86_400_000);
    responses.push({ id: responseId, expertId: resp.expertId, instrumentId: version.instrumentId, wave: 2, versionId: version.id, optionOrder: optionOrderFor(q, resp.expertId) as Prisma.InputJsonValue, status: "SUBMITTED", startedAt: at, updatedAt: at, submittedAt: at });
    const b = before[i]!;
    const pairs = b.Q5 as TMatrixAnswer | undefined;
    let far = false;
    if (pairs) {
      const keep = r.next() < 0.2;
      const moved = Object.fromEntries(
        Object.entries(pairs.rows).map(([row, v]) => {
          if (v === "NA") return [row, v];
          const next = keep ? v : Math.round(v + (medians[row]! - v) / 2);
          if (next !== v && Math.abs(next - medians[row]!) >= 1.5) far = true;
          return [row, next];
        }),
      );
      answerRows.push({ responseId, itemCode: "Q5", value: { rows: moved }, mutationId: uuidFrom(`demo-round2-${i}-Q5`), updatedAt: at });
    }
    const kinds = b.Q25 as TMultiAnswer | undefined;
    if (kinds) {
      // A third of the experts add horizontal interaction between regions to their answer.
      const choices = r.next() < 0.33 && !kinds.choices.includes("Q25_2") ? [...kinds.choices.filter((c) => c !== "Q25_OTHER"), "Q25_2"] : kinds.choices;
      const value: TMultiAnswer = { choices, ...(choices.includes("Q25_OTHER") && kinds.other ? { other: kinds.other } : {}) };
      answerRows.push({ responseId, itemCode: "Q25", value, mutationId: uuidFrom(`demo-round2-${i}-Q25`), updatedAt: at });
    }
    if (far && reasons.length < REASONS.length) reasons.push({ responseId, itemCode: "Q5", text: REASONS[reasons.length]!, revision: 1, mutationId: uuidFrom(`demo-round2-${i}-reason`), updatedAt: at });
  }
  await tx.response.createMany({ data: responses });
  await tx.$executeRaw`
    INSERT INTO "Answer" ("responseId", "itemCode", "value", "revision", "mutationId", "updatedAt")
    SELECT a."responseId", a."itemCode", a."value", 1, a."mutationId", a."updatedAt"
      FROM jsonb_to_recordset(${JSON.stringify(answerRows)}::jsonb) AS a("responseId" uuid, "itemCode" text, "value" jsonb, "mutationId" uuid, "updatedAt" timestamptz)`;
  await tx.answerReason.createMany({ data: reasons });
}
