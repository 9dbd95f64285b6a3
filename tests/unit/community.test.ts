import { describe, expect, it } from "vitest";
import {
  activityCapHalfHours,
  parseQuarter,
  quarterOf,
  quarterRange,
  reportExpiresAt,
  reportStanding,
  shiftQuarter,
  toHalfHours,
} from "@/lib/community";
import { activityHoursInput, decideHoursInput, hoursInput, reportInput } from "@/lib/validation/community";

const confirmedAt = new Date("2026-05-31T02:00:00Z");
const day = 86_400_000;

describe("community reporting rules", () => {
  it("a report is current for six calendar months, due in the last 30 days, then expired", () => {
    expect(reportExpiresAt(confirmedAt).toISOString()).toBe("2026-12-01T02:00:00.000Z");
    const report = { status: "confirmed", decidedAt: confirmedAt };
    expect(reportStanding(report, new Date(confirmedAt.getTime() + day))).toBe("current");
    expect(reportStanding(report, new Date(reportExpiresAt(confirmedAt).getTime() - 10 * day))).toBe("due");
    expect(reportStanding(report, reportExpiresAt(confirmedAt))).toBe("expired");
    expect(reportStanding(null, confirmedAt)).toBe("none");
    expect(reportStanding({ status: "pending", decidedAt: null }, confirmedAt)).toBe("pending");
    expect(reportStanding({ status: "returned", decidedAt: confirmedAt }, confirmedAt)).toBe("none");
  });

  it("hours go in half-hour steps, capped by the activity's length", () => {
    expect(toHalfHours(1.5)).toBe(3);
    expect([toHalfHours(0), toHalfHours(-1), toHalfHours(1.2), toHalfHours(Number.NaN)]).toEqual([
      null,
      null,
      null,
      null,
    ]);
    expect(activityCapHalfHours(90)).toBe(3);
    expect(activityCapHalfHours(100)).toBe(3);
    expect(activityCapHalfHours(30)).toBe(1);
  });

  it("quarters: ranges, the one a day lies in, and moving between them", () => {
    expect(quarterRange(2026, 4)).toEqual({ from: "2026-10-01", to: "2026-12-31" });
    expect(quarterRange(2028, 1)).toEqual({ from: "2028-01-01", to: "2028-03-31" });
    expect(quarterOf("2026-11-26")).toMatchObject({ year: 2026, quarter: 4 });
    expect(shiftQuarter({ year: 2026, quarter: 4 }, 1)).toBe("2027-Q1");
    expect(shiftQuarter({ year: 2026, quarter: 1 }, -1)).toBe("2025-Q4");
    expect(parseQuarter("2026-Q2", new Date())).toEqual({ year: 2026, quarter: 2 });
    expect(parseQuarter("nonsense", new Date("2026-11-26T00:00:00Z"))).toEqual({ year: 2026, quarter: 4 });
  });
});

describe("community input", () => {
  const base = { clientId: "0b9f8a4e-3c1d-4e2f-9a7b-5c6d7e8f9a0b", servedOn: "2026-11-20", description: "帮老人买菜" };

  it("hours must be a positive multiple of half an hour, with a Chinese message", () => {
    expect(hoursInput.parse({ ...base, hours: "2.5" }).hours).toBe(5);
    for (const hours of ["0", "-1", "1.2", "abc", ""]) {
      const parsed = hoursInput.safeParse({ ...base, hours });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0].message).toMatch(/0\.5 小时|时长/);
    }
    expect(hoursInput.safeParse({ ...base, hours: "1", servedOn: "2026-13-01" }).success).toBe(false);
    expect(hoursInput.safeParse({ ...base, hours: "1", description: "" }).success).toBe(false);
    expect(hoursInput.safeParse({ ...base, hours: "1", clientId: "x" }).success).toBe(false);
  });

  it("form checkboxes become lists: posts of a report, attendees of an activity", () => {
    expect(reportInput.parse({ gridId: "7", "post.3": "on", "post.5": "on", note: "" })).toEqual({
      gridId: 7,
      postIds: [3, 5],
      note: undefined,
    });
    expect(reportInput.safeParse({ gridId: "", note: "" }).success).toBe(false);
    expect(
      activityHoursInput.parse({ activityId: "4", "served.11": "on", "hours.11": "1.5", "hours.12": "2" }),
    ).toEqual({ activityId: 4, entries: [{ memberId: 11, hours: 3 }] });
    expect(activityHoursInput.safeParse({ activityId: "4", "hours.12": "2" }).success).toBe(false);
  });

  it("rejecting needs a reason, adjusting needs hours", () => {
    expect(decideHoursInput.safeParse({ hoursId: 1, decision: "reject", comment: "" }).success).toBe(false);
    expect(decideHoursInput.safeParse({ hoursId: 1, decision: "adjust", comment: "" }).success).toBe(false);
    expect(decideHoursInput.parse({ hoursId: 1, decision: "adjust", hours: "1", comment: "" }).hours).toBe(2);
  });
});
