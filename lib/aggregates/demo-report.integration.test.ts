import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getSummary } from "@/lib/aggregates/service";
import type { TCell, TFilters } from "@/lib/aggregates/types";
import { testPrisma } from "@/lib/testing/db";
import { actorFor } from "@/lib/testing/factories";
import { DEMO_COORDINATOR_EMAIL, DEMO_STUDY_SLUG, seedDemo } from "@/prisma/seed/demo";

/**
 * The demo's results report, read as a researcher reads it: secondary suppression hides a figure
 * only where showing it would give a small count away. A single choice's base is the sum of its
 * option counts, so where every count is shown, hiding the base (and with it every percentage)
 * protects nothing. (Each item's protection used to hide the figures of every other item that
 * shared a key such as "base" or "v:3"; the demo then showed "–" for most bases.)
 */

const prisma = testPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await db().$disconnect();
});

const shown = (c: TCell) => !c.suppressed && c.v !== null;

describe("the demo's results report", () => {
  it("shows a single choice's base and percentages wherever all its counts are shown, in every view", async () => {
    await seedDemo(prisma);
    const study = await prisma.study.findFirstOrThrow({ where: { slug: DEMO_STUDY_SLUG } });
    const coordinator = await actorFor(prisma, (await prisma.user.findFirstOrThrow({ where: { email: DEMO_COORDINATOR_EMAIL } })).id);
    const views: TFilters[] = [{ includeInProgress: false }, { includeInProgress: true }, { includeInProgress: false, country: "RU" }, { includeInProgress: false, group: "SCIENTIST" }];
    let checked = 0;
    let hidden = 0;
    let figures = 0;
    for (const view of views) {
      const summary = await getSummary(coordinator, study.id, view, "en");
      for (const item of summary.items) {
        for (const table of item.tables) {
          const cells = [...table.bases.map((b) => b.cell), ...table.rows.flatMap((r) => r.cells)];
          figures += cells.length;
          hidden += cells.filter((c) => c.hidden).length;
          if (item.type !== "single" || table.kind !== "options") continue;
          const counts = table.rows.map((r) => r.cells[0]!);
          if (!counts.every(shown)) continue;
          checked++;
          const base = table.bases[0]!.cell;
          expect(shown(base), `${item.code} ${JSON.stringify(view)}: base`).toBe(true);
          expect(base.v).toBe(counts.reduce((s, c) => s + c.v!, 0));
          for (const r of table.rows) expect(shown(r.cells[1]!), `${item.code} ${r.code} ${JSON.stringify(view)}: %`).toBe(true);
        }
      }
    }
    // Not vacuous: in the demo several single choices have every count at k or above.
    expect(checked).toBeGreaterThanOrEqual(3);
    // And most of the report is readable (default view: 691 of 1,008 figures hidden before each item had
    // its own protection, 279 since; the rest protect counts below k, mostly "cannot assess" and means).
    expect(hidden / figures).toBeLessThan(0.5);
  }, 120_000);
});
