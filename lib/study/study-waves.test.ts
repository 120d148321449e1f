import { describe, expect, it } from "vitest";
import { latestWave } from "@/lib/study/study-waves";

const w = (number: number, status: "PLANNED" | "OPEN" | "CLOSED") => ({ number, status });

describe("the wave shown by default", () => {
  it("is the highest-numbered open wave", () => {
    expect(latestWave([w(1, "CLOSED"), w(2, "OPEN"), w(3, "PLANNED")])).toEqual(w(2, "OPEN"));
  });
  it("is the wave still under way when a later round has closed (the demo)", () => {
    expect(latestWave([w(2, "CLOSED"), w(1, "OPEN")])).toEqual(w(1, "OPEN"));
  });
  it("is the highest-numbered one that opened when none is open, and none when nothing opened", () => {
    expect(latestWave([w(1, "CLOSED"), w(2, "CLOSED"), w(3, "PLANNED")])).toEqual(w(2, "CLOSED"));
    expect(latestWave([w(1, "PLANNED")])).toBeNull();
  });
});
