import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { REASON_MAX } from "@/lib/delphi/reason";
import { AppError, badRequest, conflict } from "@/lib/errors";
import type { TAnswerValue } from "@/lib/instrument/answers";

/**
 * The reason for a changed answer travels through the expert's autosave like an answer, as the
 * pseudo-item "<itemCode>~reason" with the value { text } (the same queue, mutation ids and
 * revisions), and is stored in AnswerReason beside the answer it explains. `~` is not allowed in
 * item codes, so the key never names a real item.
 */
export const REASON_SUFFIX = "~reason";
export const reasonKey = (itemCode: string) => `${itemCode}${REASON_SUFFIX}`;
export const reasonItemOf = (key: string): string | null => (key.endsWith(REASON_SUFFIX) ? key.slice(0, -REASON_SUFFIX.length) : null);

export const ZReasonValue = z.object({ text: z.string().max(REASON_MAX, "tooLong") }).strict();

type TReasonResult = { status: "saved"; revision: number; replay: boolean } | { status: "conflict"; revision: number; value: TAnswerValue | null };

/**
 * Saves one reason, atomically: the response is locked, a replayed mutation id is acknowledged
 * with its first revision, a save based on another revision than the stored one is a conflict
 * carrying the stored text, a submitted response takes none.
 */
export async function saveReason(input: { responseId: string | null; key: string; baseRevision: number; mutationId: string; value: unknown }): Promise<TReasonResult> {
  const parsed = input.value === null ? { success: true as const, data: { text: "" } } : ZReasonValue.safeParse(input.value);
  if (!parsed.success) throw badRequest("The reason is not valid.", parsed.error.issues.map((i) => ({ path: ["value", ...i.path].join("."), message: i.message })));
  // The answer it explains is saved first (the queue sends in order), so the response exists.
  if (!input.responseId) throw conflict("Please answer the question before giving a reason.");
  const responseId = input.responseId;
  return db().$transaction(async (tx) => {
    const [response] = await tx.$queryRaw<Array<{ status: string }>>`SELECT "status"::text AS "status" FROM "Response" WHERE "id" = ${responseId}::uuid FOR UPDATE`;
    const replay = await tx.answerMutation.findUnique({ where: { id: input.mutationId }, select: { responseId: true, itemCode: true, revision: true } });
    if (replay) {
      if (replay.responseId !== responseId || replay.itemCode !== input.key) throw conflict("This mutation id was already used for another answer.");
      return { status: "saved" as const, revision: replay.revision, replay: true };
    }
    if (response?.status === "SUBMITTED") throw new AppError(409, "submitted", "This questionnaire has been submitted and can no longer be changed.");
    const itemCode = reasonItemOf(input.key)!;
    const stored = await tx.answerReason.findUnique({ where: { responseId_itemCode: { responseId, itemCode } }, select: { revision: true, text: true } });
    const revision = stored?.revision ?? 0;
    if (revision !== input.baseRevision) return { status: "conflict" as const, revision, value: stored ? ({ text: stored.text } as unknown as TAnswerValue) : null };
    const text = parsed.data.text.trim();
    await tx.answerReason.upsert({
      where: { responseId_itemCode: { responseId, itemCode } },
      create: { responseId, itemCode, text, revision: revision + 1, mutationId: input.mutationId },
      update: { text, revision: revision + 1, mutationId: input.mutationId, updatedAt: new Date() },
    });
    await tx.answerMutation.create({ data: { id: input.mutationId, responseId, itemCode: input.key, revision: revision + 1 } });
    return { status: "saved" as const, revision: revision + 1, replay: false };
  });
}

/** The expert's reasons in one response, keyed as the autosave keys them. */
export async function reasonsOf(responseId: string): Promise<Record<string, { value: TAnswerValue | null; revision: number }>> {
  const rows = await db().answerReason.findMany({ where: { responseId }, select: { itemCode: true, text: true, revision: true } });
  return Object.fromEntries(rows.map((r) => [reasonKey(r.itemCode), { value: { text: r.text } as unknown as TAnswerValue, revision: r.revision }]));
}
