import "server-only";
import { sql } from "@/lib/db";
import { assignmentRow } from "@/lib/study/sql";
import type { StudyStatus, WaveKind, WaveStatus } from "@/lib/generated/prisma/enums";

/** The wave (or Delphi round) an expert answers now, as the resolver found it. */
export type TWaveNow = {
  number: number;
  kind: WaveKind;
  status: WaveStatus;
  /** The expert may answer in it now: open, not past its closing date, and the expert is in its audience. */
  open: boolean;
  /** The items it asks; empty: every item of the version. */
  itemCodes: string[];
  realtime: boolean;
  /** The version it asks; null: the latest published one when the expert starts. */
  versionId: string | null;
  closesAt: Date | null;
};

/**
 * Which questionnaire, wave, version and response an expert answers now: the one place that decides it
 * (issue 14, "waves and rounds"); every caller on the expert's side uses it.
 *
 * - The expert is their latest panel record; the questionnaire is their study's first one.
 * - The wave is the highest-numbered open wave the expert is in the audience of (the whole panel, or
 *   those who submitted the previous wave) and whose closing date has not passed. Failing that, the
 *   highest-numbered wave the expert has a response in (they see it, but cannot change it unless it is
 *   open); failing that, wave 1.
 * - The response is the expert's response in that wave, if they have begun it.
 * - `versionPublished` tells whether `versionId` (the version a page showed) is a published version of
 *   the questionnaire that the wave allows (its own version, or any when it names none).
 */
export type TAssignment = {
  expertId: string;
  studyId: string;
  studyStatus: StudyStatus;
  /** The latest consent decision accepts the study's current consent text; null: no decision yet. */
  consented: boolean | null;
  instrumentId: string | null;
  wave: TWaveNow | null;
  response: { id: string; status: "IN_PROGRESS" | "SUBMITTED"; versionId: string } | null;
  versionPublished: boolean;
};

export type TAssignmentRow = Omit<TAssignment, "wave" | "response"> & {
  waveNumber: number | null;
  waveKind: WaveKind | null;
  waveStatus: WaveStatus | null;
  waveOpen: boolean | null;
  waveItems: string[] | null;
  waveRealtime: boolean | null;
  waveVersionId: string | null;
  waveClosesAt: Date | null;
  responseId: string | null;
  responseStatus: "IN_PROGRESS" | "SUBMITTED" | null;
  responseVersionId: string | null;
};

/**
 * The acting expert's assignment (see TAssignment), in one query. `versionId` is the version a page
 * showed, checked for `versionPublished`; pass null when there is none.
 */
export async function currentAssignment(userId: string, versionId: string | null = null): Promise<TAssignment | null> {
  // On pg directly (lib/db.ts, sql()): it runs for every autosave, with the session check and the save.
  const row = await assignmentRow<TAssignmentRow>(sql(), userId, versionId);
  return row ? assignmentOf(row) : null;
}

/** The assignment of one row of ASSIGNMENT_SQL (lib/study/sql.ts). */
export function assignmentOf(row: TAssignmentRow): TAssignment {
  return {
    expertId: row.expertId,
    studyId: row.studyId,
    studyStatus: row.studyStatus,
    consented: row.consented,
    instrumentId: row.instrumentId,
    wave:
      row.waveNumber === null
        ? null
        : {
            number: row.waveNumber,
            kind: row.waveKind!,
            status: row.waveStatus!,
            open: row.waveOpen === true,
            itemCodes: row.waveItems ?? [],
            realtime: row.waveRealtime === true,
            versionId: row.waveVersionId,
            closesAt: row.waveClosesAt,
          },
    response: row.responseId ? { id: row.responseId, status: row.responseStatus!, versionId: row.responseVersionId! } : null,
    versionPublished: row.versionPublished,
  };
}
