import type { TActor } from "@/lib/auth/sessions";
import type { TDb } from "@/lib/db/types";
import { coordinatedBy } from "@/lib/study/access";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { WaveAudience, WaveKind, WaveStatus } from "@/lib/generated/prisma/enums";

/**
 * The coordinator's side of waves (the expert's side is lib/study/waves.ts): a study's
 * questionnaire(s), each with its waves, and which wave a view shows. Every coordinator view that
 * reads responses (aggregates, the monitor, exports, reminders) asks here, not for "the oldest
 * questionnaire" on its own. Not server-only: the bench and the seeds call it with their own client.
 *
 * The study's questionnaire is its first one (the one experts answer: lib/study/waves.ts picks the
 * same); a study may have others, listed after it. The latest wave is the highest-numbered open one,
 * else the highest-numbered one that is not PLANNED (latestWave).
 */
export type TStudyWave = {
  id: string;
  number: number;
  kind: WaveKind;
  status: WaveStatus;
  audience: WaveAudience;
  itemCodes: string[];
  closesAt: Date | null;
  openedAt: Date | null;
  closedAt: Date | null;
};

export type TStudyQuestionnaire = { id: string; name: string; waves: TStudyWave[]; latest: TStudyWave | null };

const WAVE_SELECT = {
  id: true,
  number: true,
  kind: true,
  status: true,
  audience: true,
  itemCodes: true,
  closesAt: true,
  openedAt: true,
  closedAt: true,
} as const satisfies Prisma.WaveSelect;

/**
 * The wave shown by default: the highest-numbered open one, or failing that the highest-numbered one
 * that has opened (waves in any order); null when none has. Opening wave N+1 closes the open ones, so
 * this is normally simply the latest; a questionnaire whose later round closed while an earlier wave
 * stayed open (the demo: its Delphi round 2 is over, wave 1 still takes the demo expert's answers)
 * shows the wave still under way.
 */
export function latestWave<W extends Pick<TStudyWave, "number" | "status">>(waves: readonly W[]): W | null {
  const highest = (status: (s: W["status"]) => boolean) =>
    waves.reduce<W | null>((best, w) => (status(w.status) && (!best || w.number > best.number) ? w : best), null);
  return highest((s) => s === "OPEN") ?? highest((s) => s !== "PLANNED");
}

/**
 * The study's questionnaires (first: the study's questionnaire) with their waves in number order, for
 * a study that `scope` allows (e.g. `coordinatedBy(actor)`); null when the study is not found there.
 */
export async function studyQuestionnaires(client: TDb, studyId: string, scope: Prisma.StudyWhereInput): Promise<TStudyQuestionnaire[] | null> {
  const study = await client.study.findFirst({
    where: { id: studyId, ...scope },
    select: {
      instruments: {
        where: { kind: "QUESTIONNAIRE" },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, name: true, waves: { select: WAVE_SELECT, orderBy: { number: "asc" } } },
      },
    },
  });
  if (!study) return null;
  return study.instruments.map((i) => ({ id: i.id, name: i.name, waves: i.waves, latest: latestWave(i.waves) }));
}

/**
 * The wave a view shows: `requested` when the questionnaire has that wave (and it has opened),
 * otherwise the latest. Null only for a questionnaire with no opened wave.
 */
export function chosenWave(q: Pick<TStudyQuestionnaire, "waves" | "latest">, requested?: number | null): TStudyWave | null {
  if (requested != null) {
    const found = q.waves.find((w) => w.number === requested && w.status !== "PLANNED");
    if (found) return found;
  }
  return q.latest;
}

/** The coordinator's view of a study's questionnaire and its waves (404 is the caller's: null when not found). */
export async function coordinatorQuestionnaire(client: TDb, actor: TActor, studyId: string): Promise<TStudyQuestionnaire | null> {
  return (await studyQuestionnaires(client, studyId, coordinatedBy(actor)))?.[0] ?? null;
}
