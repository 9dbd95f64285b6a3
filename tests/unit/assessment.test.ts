import { describe, expect, it } from "vitest";
import { parts, proposedTier, scoreOf, type Inputs } from "@/lib/assessment";

const full: Inputs = { expected: 100, came: 100, themeDays: 12, themeDaysClosed: 12, makeupOwed: 4, makeupDone: 4, members: 10, points: 600, inOffice: 5, hours: 100 };

describe("yearly assessment formula", () => {
  it("a branch that met everything scores 100; each part is weighted as shown", () => {
    expect(scoreOf(full)).toBe(100);
    expect(scoreOf({ ...full, came: 50 })).toBe(80);
    expect(scoreOf({ ...full, themeDaysClosed: 6 })).toBe(90);
    expect(scoreOf({ ...full, points: 300 })).toBe(92.5);
    expect(scoreOf({ ...full, hours: 0 })).toBe(90);
  });

  it("parts stay between 0 and 1; nothing to measure counts as met", () => {
    expect(parts({ ...full, points: 6000, hours: 1000 })).toMatchObject({ points: 1, service: 1 });
    expect(parts({ ...full, points: -50 }).points).toBe(0);
    expect(parts({ ...full, makeupOwed: 0, makeupDone: 0, inOffice: 0, hours: 0 })).toMatchObject({ makeup: 1, service: 1 });
  });

  it("the proposal: 90 and above excellent, 60 and above qualified", () => {
    expect([proposedTier(90), proposedTier(89.9), proposedTier(60), proposedTier(59.9)]).toEqual(["excellent", "qualified", "qualified", "unqualified"]);
  });
});
