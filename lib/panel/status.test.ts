import { describe, expect, it } from "vitest";
import { EXPERT_STATUSES } from "./schemas";
import { ACTIVE_STATUSES, allowedTransitions, canTransition } from "./status";

describe("expert status lifecycle", () => {
  it("vetting decides a nominated expert, and a rejection may be reconsidered", () => {
    expect(canTransition("NOMINATED", "VETTED")).toBe(true);
    expect(canTransition("NOMINATED", "REJECTED")).toBe(true);
    expect(canTransition("REJECTED", "VETTED")).toBe(true);
  });

  it("only vetted experts are invited, and only invited ones start, and only started ones complete", () => {
    expect(canTransition("VETTED", "INVITED")).toBe(true);
    expect(canTransition("NOMINATED", "INVITED")).toBe(false);
    expect(canTransition("REJECTED", "INVITED")).toBe(false);
    expect(canTransition("INVITED", "STARTED")).toBe(true);
    expect(canTransition("VETTED", "STARTED")).toBe(false);
    expect(canTransition("STARTED", "COMPLETED")).toBe(true);
    expect(canTransition("INVITED", "COMPLETED")).toBe(false);
  });

  it("every active status can decline or withdraw; rejected and completed cannot", () => {
    for (const from of ACTIVE_STATUSES) {
      expect(canTransition(from, "DECLINED")).toBe(true);
      expect(canTransition(from, "WITHDRAWN")).toBe(true);
    }
    for (const from of ["REJECTED", "COMPLETED", "DECLINED", "WITHDRAWN"] as const) {
      expect(canTransition(from, "DECLINED")).toBe(false);
      expect(canTransition(from, "WITHDRAWN")).toBe(false);
    }
  });

  it("a declined or withdrawn expert can be reinstated, but not straight to invited or completed", () => {
    for (const from of ["DECLINED", "WITHDRAWN"] as const) {
      expect(canTransition(from, "NOMINATED")).toBe(true);
      expect(canTransition(from, "VETTED")).toBe(true);
      expect(canTransition(from, "INVITED")).toBe(false);
      expect(canTransition(from, "COMPLETED")).toBe(false);
    }
  });

  it("no status moves to itself, and the lifecycle never jumps back to nominated from an invitation onwards", () => {
    for (const s of EXPERT_STATUSES) {
      expect(canTransition(s, s)).toBe(false);
      expect(allowedTransitions(s).every((to) => EXPERT_STATUSES.includes(to))).toBe(true);
    }
    for (const s of ["INVITED", "STARTED", "COMPLETED"] as const) expect(canTransition(s, "NOMINATED")).toBe(false);
  });
});
