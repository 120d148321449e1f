import { describe, expect, it } from "vitest";
import { funnelRows, targetProgress } from "@/lib/monitor/funnel";

describe("funnel rates", () => {
  it("gives each stage its share of the nominated experts and of the previous stage", () => {
    const rows = funnelRows({ nominated: 10, vetted: 8, invited: 8, opened: 4, started: 3, completed: 0 });
    expect(rows.map((r) => r.stage)).toEqual(["nominated", "vetted", "invited", "opened", "started", "completed"]);
    expect(rows[0]).toEqual({ stage: "nominated", count: 10, ofNominated: 1, fromPrevious: null });
    expect(rows[3]).toEqual({ stage: "opened", count: 4, ofNominated: 0.4, fromPrevious: 0.5 });
    expect(rows[5]).toEqual({ stage: "completed", count: 0, ofNominated: 0, fromPrevious: 0 });
  });

  it("has no rate where the base is empty (no division by zero)", () => {
    const rows = funnelRows({ nominated: 0, vetted: 0, invited: 0, opened: 0, started: 0, completed: 0 });
    expect(rows.every((r) => r.ofNominated === null && r.fromPrevious === null)).toBe(true);
  });

  it("progress is completed over target, and absent without a target", () => {
    expect(targetProgress(3, 4)).toBe(0.75);
    expect(targetProgress(5, 4)).toBe(1.25);
    expect(targetProgress(3, null)).toBeNull();
    expect(targetProgress(3, 0)).toBeNull();
  });
});
