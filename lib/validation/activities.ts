import { z } from "zod";
import { t } from "../messages";
import { checkbox, choice, id, optionalFile, optionalText, text, wholeNumber, yearMonth } from "./fields";
import { json, links, localDateTime } from "./plans";

/** 三会一课 and the yearly 组织生活会 and 民主评议党员: the meeting types a secretary sets up at a time of their choosing. */
export const meetingTypes = [
  "general_meeting",
  "committee_meeting",
  "group_meeting",
  "party_lecture",
  "org_life_meeting",
  "member_review",
] as const;

export const createMeetingInput = z.object({
  branchId: id,
  type: choice(meetingTypes),
  title: text({ max: 60, message: t.plans.title }),
  startsAt: localDateTime,
  durationMinutes: wholeNumber(t.plans.duration, 15, 480),
  place: optionalText({ max: 60, message: t.run.place }),
  materials: optionalText({ max: 20_000, message: t.plans.materials, multiline: true }),
  links: json(links.default([])),
});

export const markStepInput = z.object({
  stepId: id,
  done: checkbox,
  note: optionalText({ max: 500, message: t.run.note, multiline: true }),
  photo: optionalFile,
});

export const activityRef = z.object({ activityId: id });

/** An empty place is allowed: it reads 地点待定 to members. */
export const setPlaceInput = z.object({
  activityId: id,
  place: text({ min: 0, max: 60, message: t.run.place }),
});
export const complianceQuery = z.object({ month: yearMonth.optional() });
