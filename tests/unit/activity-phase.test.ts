import { describe, expect, it } from "vitest";
import { activityPhase } from "@/lib/activity-phase";

const startsAt = new Date("2026-12-05T01:00:00Z");
const scheduled = { status: "scheduled" as const, startsAt, durationMinutes: 90 };
const at = (minutesFromStart: number) => new Date(startsAt.getTime() + minutesFromStart * 60_000);

describe("activityPhase", () => {
  it("is upcoming until the start, even a millisecond before it and inside the check-in window", () => {
    expect(activityPhase(scheduled, at(-24 * 60))).toBe("upcoming");
    expect(activityPhase(scheduled, at(-20))).toBe("upcoming");
    expect(activityPhase(scheduled, new Date(startsAt.getTime() - 1))).toBe("upcoming");
  });

  it("is running from the start itself until the planned end", () => {
    expect(activityPhase(scheduled, startsAt)).toBe("running");
    expect(activityPhase(scheduled, at(45))).toBe("running");
    expect(activityPhase(scheduled, new Date(at(90).getTime() - 1))).toBe("running");
  });

  it("is ended from the planned end while the secretary has not closed it", () => {
    expect(activityPhase(scheduled, at(90))).toBe("ended");
    expect(activityPhase(scheduled, at(30 * 24 * 60))).toBe("ended");
  });

  it("is closed once closed, before, during or after its time", () => {
    const closed = { ...scheduled, status: "closed" as const };
    expect(activityPhase(closed, at(-60))).toBe("closed");
    expect(activityPhase(closed, at(10))).toBe("closed");
    expect(activityPhase(closed, at(200))).toBe("closed");
  });

  it("follows the duration: a longer meeting is still running when a shorter one has ended", () => {
    expect(activityPhase({ ...scheduled, durationMinutes: 30 }, at(60))).toBe("ended");
    expect(activityPhase({ ...scheduled, durationMinutes: 120 }, at(60))).toBe("running");
  });
});
