import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { assertRole } from "@/lib/auth/roles";
import type { TActor } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { AppError, badRequest, conflict, notFound } from "@/lib/errors";
import type { TQuestionnaire } from "@/lib/instrument/definition";
import { assertId, parseInput } from "@/lib/http/input";
import { lockInstrument, lockWave } from "@/lib/instrument/sql";
import { coordinatedBy } from "@/lib/study/access";
import { takesAnswers } from "@/lib/study/lifecycle";
import { ZOpenWave, type TOpenWaveInput } from "@/lib/study/wave-schemas";

export { ZOpenWave, ZOpenWaveBody, ZWaveIdParams, type TOpenWaveInput } from "@/lib/study/wave-schemas";

/**
 * A coordinator opens the next wave of a questionnaire (a plain wave; a Delphi round is planned with
 * its rules and then opened in lib/delphi/rounds.ts) and closes a wave (a round too). Opening wave N+1 closes every wave still open, so an
 * expert answers one wave at a time. What the wave asks (items, audience, rules, version) is fixed
 * once it is open (the database's trigger `wave_fixed_once_open`). Both are audited (entity "Wave")
 * and scoped to the studies the coordinator coordinates: another team's questionnaire or wave is a 404.
 */

export type TWaveOpened = { id: string; number: number; kind: "WAVE" | "DELPHI_ROUND"; closedWaves: number[] };

function itemCodesOf(content: unknown): Set<string> {
  const q = content as Partial<TQuestionnaire>;
  return new Set((q.sections ?? []).flatMap((s) => s.items.map((i) => i.code)));
}

export async function openWave(actor: TActor, raw: TOpenWaveInput): Promise<TWaveOpened> {
  assertRole(actor, "COORDINATOR");
  const input = parseInput(ZOpenWave, raw);
  const closesAt = input.closesAt ? new Date(input.closesAt) : null;
  if (closesAt && closesAt.getTime() <= Date.now()) {
    throw badRequest("The request is not valid.", [{ path: "closesAt", message: "The closing date must be in the future." }]);
  }
  const itemCodes = [...new Set(input.itemCodes)];
  return db().$transaction(async (tx) => {
    const instrument = await tx.instrument.findFirst({
      where: { id: input.instrumentId, kind: "QUESTIONNAIRE", study: coordinatedBy(actor) },
      select: { id: true, study: { select: { status: true } } },
    });
    if (!instrument) throw notFound("The questionnaire");
    // One opening at a time per questionnaire: the next number and the waves to close are read under the lock.
    await lockInstrument(tx, instrument.id);
    if (!takesAnswers(instrument.study.status)) {
      throw new AppError(409, "study_closed", "The study is closed: it takes no more answers, so no wave can open.");
    }
    const version = await tx.instrumentVersion.findFirst({
      where: { instrumentId: instrument.id, status: "PUBLISHED", ...(input.versionId ? { id: input.versionId } : {}) },
      orderBy: { number: "desc" },
      select: { id: true, content: true },
    });
    if (!version) {
      if (input.versionId) throw badRequest("The request is not valid.", [{ path: "versionId", message: "Not a published version of this questionnaire." }]);
      throw conflict("The questionnaire has no published version yet.");
    }
    const known = itemCodesOf(version.content);
    const unknown = itemCodes.filter((c) => !known.has(c));
    if (unknown.length > 0) {
      throw badRequest("The request is not valid.", [{ path: "itemCodes", message: `Not items of the questionnaire: ${unknown.join(", ")}.` }]);
    }
    const waves = await tx.wave.findMany({ where: { instrumentId: instrument.id }, select: { id: true, number: true, status: true }, orderBy: { number: "asc" } });
    const number = (waves.at(-1)?.number ?? 0) + 1;
    const now = new Date();
    const toClose = waves.filter((w) => w.status === "OPEN");
    if (toClose.length > 0) {
      await tx.wave.updateMany({ where: { id: { in: toClose.map((w) => w.id) } }, data: { status: "CLOSED", closedAt: now } });
    }
    const wave = await tx.wave.create({
      data: {
        instrumentId: instrument.id,
        number,
        kind: input.kind,
        status: "OPEN",
        audience: input.audience,
        versionId: input.versionId ?? null,
        itemCodes,
        closesAt,
        openedAt: now,
        createdById: actor.userId,
      },
      select: { id: true, number: true, kind: true },
    });
    for (const closed of toClose) {
      await recordAudit(tx, { actorId: actor.userId, action: "wave.close", entity: "Wave", entityId: closed.id, before: { status: "OPEN" }, after: { status: "CLOSED", by: "next wave opened" } });
    }
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "wave.open",
      entity: "Wave",
      entityId: wave.id,
      after: { number, kind: input.kind, audience: input.audience, versionId: input.versionId ?? null, itemCodes, closesAt: closesAt?.toISOString() ?? null },
    });
    return { ...wave, closedWaves: toClose.map((w) => w.number) };
  });
}

/** Closes an open (or planned) wave: its experts can no longer change their answers in it. */
export async function closeWave(actor: TActor, waveId: string): Promise<{ id: string; number: number; status: "CLOSED" }> {
  assertRole(actor, "COORDINATOR");
  assertId(waveId, "The wave");
  return db().$transaction(async (tx) => {
    const wave = await tx.wave.findFirst({ where: { id: waveId, instrument: { study: coordinatedBy(actor) } }, select: { id: true, number: true, status: true } });
    if (!wave) throw notFound("The wave");
    await lockWave(tx, wave.id);
    const { count } = await tx.wave.updateMany({ where: { id: wave.id, status: { not: "CLOSED" } }, data: { status: "CLOSED", closedAt: new Date() } });
    if (count === 0) throw conflict("This wave is already closed.");
    await recordAudit(tx, { actorId: actor.userId, action: "wave.close", entity: "Wave", entityId: wave.id, before: { status: wave.status }, after: { status: "CLOSED" } });
    return { id: wave.id, number: wave.number, status: "CLOSED" as const };
  });
}
