import { describe, expect, it } from "vitest";
import {
  eveningBefore,
  hourBefore,
  isThrottled,
  reminderTime,
  smsBackoffMs,
  smsParams,
  smsSendableAt,
} from "@/lib/reach";

const sh = (local: string) => new Date(`${local}:00+08:00`);

describe("SMS quiet hours, Asia/Shanghai", () => {
  it("sends at once between 08:00 and 21:00", () => {
    expect(smsSendableAt(sh("2027-03-01T08:00"))).toEqual(sh("2027-03-01T08:00"));
    expect(smsSendableAt(sh("2027-03-01T20:59"))).toEqual(sh("2027-03-01T20:59"));
  });
  it("holds an SMS queued in the evening or at night until 08:00", () => {
    expect(smsSendableAt(sh("2027-03-01T21:00"), sh("2027-03-05T09:00"))).toEqual(sh("2027-03-02T08:00"));
    expect(smsSendableAt(sh("2027-03-01T23:59"))).toEqual(sh("2027-03-02T08:00"));
    expect(smsSendableAt(sh("2027-03-02T03:00"))).toEqual(sh("2027-03-02T08:00"));
    // The last day of a month rolls into the next.
    expect(smsSendableAt(sh("2027-02-28T22:00"))).toEqual(sh("2027-03-01T08:00"));
  });
  it("does not wait when the activity starts before the quiet hours end", () => {
    expect(smsSendableAt(sh("2027-03-02T06:00"), sh("2027-03-02T07:30"))).toEqual(sh("2027-03-02T06:00"));
    expect(smsSendableAt(sh("2027-03-01T22:00"), sh("2027-03-02T08:30"))).toEqual(sh("2027-03-02T08:00"));
  });
});

describe("reminder times", () => {
  it("the evening before is 19:00 Shanghai the day before, whatever the start's hour", () => {
    expect(eveningBefore(sh("2027-03-10T09:00"))).toEqual(sh("2027-03-09T19:00"));
    expect(eveningBefore(sh("2027-03-10T00:30"))).toEqual(sh("2027-03-09T19:00"));
    expect(eveningBefore(sh("2027-03-01T23:30"))).toEqual(sh("2027-02-28T19:00"));
  });
  it("one hour and 24 hours before the start", () => {
    expect(hourBefore(sh("2027-03-10T09:00"))).toEqual(sh("2027-03-10T08:00"));
    expect(reminderTime("unread_day_before", sh("2027-03-10T09:00"))).toEqual(sh("2027-03-09T09:00"));
  });
  it("the secretaries' leave digest at 09:00 the day before, the county's chase at 09:00 the third day after", () => {
    expect(reminderTime("leave_digest", sh("2027-03-10T14:30"))).toEqual(sh("2027-03-09T09:00"));
    expect(reminderTime("leave_digest", sh("2027-03-01T07:00"))).toEqual(sh("2027-02-28T09:00"));
    expect(reminderTime("not_closed", sh("2027-03-10T14:30"))).toEqual(sh("2027-03-13T09:00"));
    expect(reminderTime("not_closed", sh("2027-12-30T23:30"))).toEqual(sh("2028-01-02T09:00"));
  });
});

describe("sending rules", () => {
  it("backs off 1, 2, 4 … minutes", () => {
    expect([1, 2, 3, 4].map(smsBackoffMs)).toEqual([60_000, 120_000, 240_000, 480_000]);
  });
  it("tells Aliyun's flow control from a refusal", () => {
    expect(isThrottled("isv.BUSINESS_LIMIT_CONTROL")).toBe(true);
    expect(isThrottled("Throttling.User")).toBe(true);
    expect(isThrottled("isv.MOBILE_NUMBER_ILLEGAL")).toBe(false);
    expect(isThrottled("OK")).toBe(false);
  });
  it("keeps template parameters short and free of links", () => {
    const p = smsParams(
      "主题党日：学习贯彻全会精神暨重温入党誓词及集中缴纳党费 https://evil.example/x",
      "3月10日周三 09:00",
    );
    expect(p.title.length).toBeLessThanOrEqual(20);
    expect(p.title).not.toContain("http");
    expect(p.time).toBe("3月10日周三 09:00");
  });
});
