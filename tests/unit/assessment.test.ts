import { describe, expect, it } from "vitest";
import { type Inputs, parts, proposedTier, scoreOf, unmeasured } from "@/lib/assessment";

const full: Inputs = {
  expected: 100,
  came: 100,
  themeDays: 12,
  themeDaysClosed: 12,
  makeupOwed: 4,
  makeupDone: 4,
  members: 10,
  points: 600,
  inOffice: 5,
  hours: 100,
};

describe("yearly assessment formula", () => {
  it("a branch that met everything scores 100; each part is weighted as shown", () => {
    expect(scoreOf(full)).toBe(100);
    expect(scoreOf({ ...full, came: 50 })).toBe(80);
    expect(scoreOf({ ...full, themeDaysClosed: 6 })).toBe(90);
    expect(scoreOf({ ...full, points: 300 })).toBe(92.5);
    expect(scoreOf({ ...full, hours: 0 })).toBe(90);
  });

  it("parts stay between 0 and 1", () => {
    expect(parts({ ...full, points: 6000, hours: 1000 })).toMatchObject({ points: 1, service: 1 });
    expect(parts({ ...full, points: -50 }).points).toBe(0);
  });

  it("a part with nothing to measure is not met: 0, with the reason", () => {
    expect(parts({ ...full, inOffice: 0, hours: 0 }).service).toBe(0);
    expect(unmeasured({ ...full, inOffice: 0, hours: 0 })).toEqual({ service: "no_in_office" });
    expect(parts({ ...full, members: 0, points: 0 }).points).toBe(0);
    expect(unmeasured(full)).toEqual({});
  });

  it("an idle branch (no activity held, nothing done) scores 0 and is proposed 不合格; an active one is not", () => {
    const idle: Inputs = {
      expected: 0,
      came: 0,
      themeDays: 0,
      themeDaysClosed: 0,
      makeupOwed: 0,
      makeupDone: 0,
      members: 12,
      points: 0,
      inOffice: 6,
      hours: 0,
    };
    expect(parts(idle)).toEqual({ attendance: 0, compliance: 0, makeup: 0, points: 0, service: 0 });
    expect(unmeasured(idle)).toEqual({ attendance: "no_activity", compliance: "no_theme_day", makeup: "no_activity" });
    expect(scoreOf(idle)).toBe(0);
    expect(proposedTier(scoreOf(idle))).toBe("unqualified");

    // Held every theme day, 85% came, one leave not yet made up, some points and hours.
    const active: Inputs = {
      expected: 144,
      came: 122,
      themeDays: 12,
      themeDaysClosed: 12,
      makeupOwed: 2,
      makeupDone: 1,
      members: 12,
      points: 480,
      inOffice: 6,
      hours: 60,
    };
    expect(proposedTier(scoreOf(active))).toBe("qualified");
    expect(scoreOf(active)).toBeGreaterThan(scoreOf(idle));
  });

  it("make-up is met when the branch held activities and nobody owed one; not when it held none", () => {
    expect(parts({ ...full, makeupOwed: 0, makeupDone: 0 }).makeup).toBe(1);
    expect(unmeasured({ ...full, makeupOwed: 0, makeupDone: 0 })).toEqual({});
    expect(parts({ ...full, expected: 0, came: 0, makeupOwed: 0, makeupDone: 0 }).makeup).toBe(0);
  });

  it("the proposal: 90 and above excellent, 60 and above qualified", () => {
    expect([proposedTier(90), proposedTier(89.9), proposedTier(60), proposedTier(59.9)]).toEqual([
      "excellent",
      "qualified",
      "qualified",
      "unqualified",
    ]);
  });
});
