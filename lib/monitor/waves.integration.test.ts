import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { TActor } from "@/lib/auth/sessions";
import { getMonitor, type TFunnel } from "@/lib/monitor/service";
import { getQuestionnaireState, saveAnswer, submitResponse } from "@/lib/responses/service";
import { openWave } from "@/lib/instrument/wave-admin";
import { consentedExpert, coordinatedQuestionnaire, oneSectionQuestionnaire, scaleItem, testPrismaClosedAfterAll } from "@/lib/testing/questionnaire-study";

const prisma = testPrismaClosedAfterAll();
const definition = oneSectionQuestionnaire([scaleItem("A")]);

const counts = (f: TFunnel) => Object.fromEntries(f.stages.map((s) => [s.stage, s.count]));

async function answer(actor: TActor, submit: boolean) {
  const { versionId } = (await getQuestionnaireState(actor)).questionnaire!;
  await saveAnswer(actor, { mutationId: randomUUID(), versionId, item: "A", baseRevision: 0, value: { value: 5 } });
  if (submit) await submitResponse(actor);
}

describe("the monitor's funnel by wave", () => {
  it("counts the wave shown (the latest by default); a round for those who completed counts only them", async () => {
    const { study, coordinator, instrumentId } = await coordinatedQuestionnaire(prisma, definition);
    const experts: TActor[] = [];
    for (let i = 0; i < 3; i++) {
      experts.push((await consentedExpert(prisma, study.id)).actor);
    }
    const [a, b] = experts as [TActor, TActor, TActor];
    await answer(a, true);
    await answer(b, true);

    const wave1 = await getMonitor(coordinator, study.id);
    expect(wave1).toMatchObject({ wave: 1, waves: [{ number: 1, kind: "WAVE", status: "OPEN" }] });
    expect(counts(wave1.overall)).toMatchObject({ nominated: 3, started: 3, completed: 2 });

    await openWave(coordinator, { instrumentId });
    await answer(a, false);
    const wave2 = await getMonitor(coordinator, study.id);
    expect(wave2.wave).toBe(2);
    // The whole panel is wave 2's audience; consent given for wave 1 does not start wave 2.
    expect(counts(wave2.overall)).toMatchObject({ nominated: 3, started: 1, completed: 0 });
    expect(wave2.completion.submitted).toBe(0);
    // Wave 1 on request, unchanged.
    expect(counts((await getMonitor(coordinator, study.id, 1)).overall)).toMatchObject({ nominated: 3, started: 3, completed: 2 });

    await submitResponse(a);
    await openWave(coordinator, { instrumentId, audience: "PREVIOUS_COMPLETED" });
    const round3 = await getMonitor(coordinator, study.id);
    expect(round3.wave).toBe(3);
    expect(counts(round3.overall)).toMatchObject({ nominated: 1, started: 0, completed: 0 });
    expect(round3.waves.map((w) => [w.number, w.status])).toEqual([[1, "CLOSED"], [2, "CLOSED"], [3, "OPEN"]]);
  });
});
