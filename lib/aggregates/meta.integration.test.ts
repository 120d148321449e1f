import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resultsMeta } from "@/lib/aggregates/service";
import { createInstrumentWith } from "@/lib/instrument/create";
import { ZQuestionnaire } from "@/lib/instrument/definition";
import { confirmedText } from "@/lib/i18n/text";
import { testPrisma } from "@/lib/testing/db";
import { actorFor, makeStaff, makeStudy } from "@/lib/testing/factories";

const prisma = testPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await db().$disconnect();
});

const t = (s: string) => confirmedText(`${s} (ru)`, `${s} (en)`);

describe("the results report's contents", () => {
  it("lists the questionnaire's sections in order, each item under its section, with the bounds of scales and matrices", async () => {
    const staff = await makeStaff(prisma, "COORDINATOR");
    const study = await makeStudy(prisma, staff);
    const coordinator = await actorFor(prisma, staff.id);
    const questionnaire = ZQuestionnaire.parse({
      kind: "questionnaire",
      title: t("Q"),
      sections: [
        { code: "A", title: t("First"), items: [{ code: "INTRO", type: "display", text: t("Intro") }, { code: "RATE", type: "scale", text: t("Rate"), min: 0, max: 5 }] },
        {
          code: "B",
          title: t("Second"),
          items: [
            { code: "PICK", type: "single", text: t("Pick"), options: [{ code: "P1", label: t("P1") }, { code: "P2", label: t("P2") }] },
            { code: "GRID", type: "matrix", text: t("Grid"), min: 1, max: 7, rows: [{ code: "G1", label: t("G1") }] },
          ],
        },
      ],
    });
    await createInstrumentWith(prisma, { studyId: study.id, kind: "questionnaire", name: "Q", definition: questionnaire, actorId: null, publish: true });

    const meta = await resultsMeta(coordinator, study.id, "en");
    expect(meta.sections).toEqual([
      { code: "A", title: "First (en)" },
      { code: "B", title: "Second (en)" },
    ]);
    expect(meta.items.map((i) => [i.code, i.section, i.scale])).toEqual([
      ["RATE", "A", { min: 0, max: 5 }],
      ["PICK", "B", undefined],
      ["GRID", "B", { min: 1, max: 7 }],
    ]);
    expect((await resultsMeta(coordinator, study.id, "ru")).sections[1]).toEqual({ code: "B", title: "Second (ru)" });
  });
});
