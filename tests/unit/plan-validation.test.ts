import { describe, expect, it } from "vitest";
import { t } from "@/lib/messages";
import { createMeetingInput } from "@/lib/validation/activities";
import { publishPlanInput } from "@/lib/validation/plans";

const form = {
  title: "学习贯彻全会精神",
  startsAt: "2026-12-01T09:00",
  durationMinutes: "120",
  materials: "",
  links: "[]",
  items: JSON.stringify([{ title: "集中学习", mandatory: false }]),
};

describe("plan input", () => {
  it("reads the form's Shanghai time and JSON fields", () => {
    const plan = publishPlanInput.parse(form);
    expect(plan.startsAt.toISOString()).toBe("2026-12-01T01:00:00.000Z");
    expect(plan.items).toEqual([{ title: "集中学习", mandatory: false }]);
  });

  it("refuses an empty agenda, a bad time, a bad duration and a non-web link, in Chinese", () => {
    const message = (over: object) => publishPlanInput.safeParse({ ...form, ...over }).error?.issues[0].message;
    expect(message({ items: "[]" })).toBe(t.plans.emptyAgenda);
    expect(message({ items: "not json" })).toBeDefined();
    expect(message({ startsAt: "明天上午" })).toBe(t.plans.startsAt);
    expect(message({ durationMinutes: "5" })).toBe(t.plans.duration);
    expect(message({ links: JSON.stringify([{ title: "x", url: "javascript:alert(1)" }]) })).toBe(t.plans.linkUrl);
    expect(message({ title: "" })).toBe(t.plans.title);
  });

  it("keeps the theme day out of the secretary's meeting types", () => {
    const meeting = {
      branchId: "3",
      type: "theme_day",
      title: "x",
      startsAt: "2026-12-01T09:00",
      durationMinutes: "60",
    };
    expect(createMeetingInput.safeParse(meeting).success).toBe(false);
    expect(createMeetingInput.safeParse({ ...meeting, type: "party_lecture" }).success).toBe(true);
  });
});
