import { describe, expect, it } from "vitest";
import { attendanceRule, capped, capWindow, RULE_CODES, signed } from "@/lib/points";
import { changeRuleInput, manualEntryInput } from "@/lib/validation/points";

describe("points rules", () => {
  it("an outcome falls under its rule; leave is neither gain nor loss", () => {
    expect(attendanceRule("theme_day", "present")).toBe("theme_day_present");
    expect(attendanceRule("theme_day", "late")).toBe("theme_day_late");
    expect(attendanceRule("party_lecture", "late")).toBe("party_lecture_present");
    expect(attendanceRule("group_meeting", "absent")).toBe("absent_without_leave");
    expect(attendanceRule("theme_day", "leave")).toBeNull();
    expect(attendanceRule("theme_day", null)).toBeNull();
  });

  it("no rule is about signing in, reading or time online", () => {
    for (const code of RULE_CODES) expect(code).not.toMatch(/login|sign_in|read|online|visit/);
  });

  it("caps: a gain is cut to what is left, a deduction never is", () => {
    expect(capped(5, 55, 60)).toBe(5);
    expect(capped(5, 58, 60)).toBe(2);
    expect(capped(5, 60, 60)).toBe(0);
    expect(capped(-2, 60, 60)).toBe(-2);
    expect(capped(1.5, 19, 20)).toBe(1);
    expect(capped(5, 100, null)).toBe(5);
  });

  it("cap windows are Shanghai calendar periods", () => {
    // 2026-06-30 23:30 in Shanghai is still June: the first half year.
    const lateJune = new Date("2026-06-30T15:30:00Z");
    expect(capWindow("half_year", lateJune)).toEqual({
      from: new Date("2025-12-31T16:00:00Z"),
      to: new Date("2026-06-30T16:00:00Z"),
    });
    expect(capWindow("month", lateJune).from).toEqual(new Date("2026-05-31T16:00:00Z"));
    expect(capWindow("year", new Date("2026-12-31T16:30:00Z")).from).toEqual(new Date("2026-12-31T16:00:00Z"));
  });

  it("input: manual points are −100..100, not zero, one decimal; a rule change needs a date", () => {
    expect(manualEntryInput.parse({ memberId: "3", points: "-2.5", reason: "迟到早退" }).points).toBe(-2.5);
    for (const points of ["0", "101", "1.25", "abc"])
      expect(manualEntryInput.safeParse({ memberId: "3", points, reason: "x" }).success).toBe(false);
    expect(manualEntryInput.safeParse({ memberId: "3", points: "1", reason: "  " }).success).toBe(false);
    expect(changeRuleInput.parse({ code: "dues_on_time", points: "2", cap: "", effectiveFrom: "2027-01-01" })).toEqual({
      code: "dues_on_time",
      points: 2,
      cap: null,
      effectiveFrom: "2027-01-01",
    });
    expect(
      changeRuleInput.safeParse({ code: "login_daily", points: "1", cap: "", effectiveFrom: "2027-01-01" }).success,
    ).toBe(false);
    expect(signed(5)).toBe("+5");
    expect(signed(-2)).toBe("−2");
  });
});
