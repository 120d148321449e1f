import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { TExpertFeedback } from "@/lib/delphi/expert-types";
import { REASON_MAX, needsReason } from "@/lib/delphi/reason";
import { lockResponseStatus } from "@/lib/delphi/sql";
import { AppError, badRequest, conflict } from "@/lib/errors";
import type { TDb } from "@/lib/db/types";
import type { TResponseProblem } from "@/lib/instrument/answer-rules";
import type { TAnswers, TAnswerValue } from "@/lib/instrument/answers";
import type { TQuestionnaire } from "@/lib/instrument/definition";
import { allItems } from "@/lib/instrument/items";

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
    const status = await lockResponseStatus(tx, responseId);
    const replay = await tx.answerMutation.findUnique({ where: { id: input.mutationId }, select: { responseId: true, itemCode: true, revision: true } });
    if (replay) {
      if (replay.responseId !== responseId || replay.itemCode !== input.key) throw conflict("This mutation id was already used for another answer.");
      return { status: "saved" as const, revision: replay.revision, replay: true };
    }
    if (status === "SUBMITTED") throw new AppError(409, "submitted", "This questionnaire has been submitted and can no longer be changed.");
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

/**
 * The items of a response about to be submitted whose changed answer needs a reason the expert has
 * not given: decided by needsReason (lib/delphi/reason.ts), the function the page asks with, on the
 * group figures the expert is shown. Read in the submitting transaction, after the response's lock.
 */
export async function missingReasons(
  tx: TDb,
  responseId: string,
  definition: TQuestionnaire,
  feedback: TExpertFeedback,
  answers: TAnswers,
  visible: ReadonlySet<string>,
): Promise<TResponseProblem[]> {
  if (!feedback) return [];
  const needed = allItems(definition).filter((item) => {
    const entry = feedback.items[item.code];
    return entry && visible.has(item.code) && needsReason(item, entry.group, entry.own, answers[item.code]);
  });
  if (needed.length === 0) return [];
  const given = await tx.answerReason.findMany({ where: { responseId, itemCode: { in: needed.map((i) => i.code) }, text: { not: "" } }, select: { itemCode: true } });
  const has = new Set(given.map((g) => g.itemCode));
  return needed.filter((i) => !has.has(i.code)).map((i) => ({ item: i.code, error: "reasonRequired" }));
}
