import { z } from "zod";
import { DESCRIPTION_MAX, toHalfHours } from "../community";
import { t } from "../messages";
import { POINTS_SINCE } from "../points";
import { calendarDate, choice, decimal, gather, id, optionalText, text, wholeNumber, yearQuarter } from "./fields";
import { localDateTime } from "./plans";

/** A member reports to a grid of the community they live in, optionally taking up service posts. */
export const reportInput = z.preprocess(
  gather("post", "postIds"),
  z.object({
    gridId: wholeNumber(t.community.chooseGrid, 1, 2 ** 31 - 1),
    postIds: z.array(id).max(4, t.community.tooManyPosts).default([]),
    note: optionalText({ max: 200, message: t.community.noteTooLong, multiline: true }),
  }),
);
export type ReportInput = z.output<typeof reportInput>;

const comment = z.preprocess(
  (v) => (v == null ? "" : v),
  text({ min: 0, max: 500, message: t.community.commentTooLong, multiline: true }),
);

export const decideReportInput = z
  .object({ reportId: id, decision: choice(["confirm", "return"]), comment })
  .superRefine((input, ctx) => {
    if (input.decision === "return" && !input.comment)
      ctx.addIssue({ code: "custom", path: ["comment"], message: t.community.returnReasonRequired });
  });
export type DecideReport = z.output<typeof decideReportInput>;

export const serviceActivityInput = z.object({
  /** The grid (or, for a worker of the whole community, the community) holding it. */
  nodeId: id,
  title: text({ max: 40, message: t.community.activityTitleError }),
  place: text({ max: 60, message: t.community.placeError }),
  startsAt: localDateTime,
  minutes: wholeNumber(t.community.minutesError, 30, 720),
  capacity: wholeNumber(t.community.capacityError, 1, 500),
  postId: z.preprocess((v) => (v === "" || v == null ? undefined : v), id.optional()),
});
export type ServiceActivityInput = z.output<typeof serviceActivityInput>;

export const serviceActivityRef = z.object({ activityId: id });

/** Hours as typed, in half-hour steps: "1.5" → 3. */
export const halfHours = decimal(t.community.hoursError).transform((h, ctx) => {
  const half = toHalfHours(h);
  if (half === null) {
    ctx.addIssue({ code: "custom", message: t.community.hoursError });
    return z.NEVER;
  }
  return half;
});

/** A day of service: real, and not before the first points rule (no entry could earn points then). */
const day = calendarDate(t.community.servedOnError, { from: POINTS_SINCE });
const description = text({ max: DESCRIPTION_MAX, message: t.community.descriptionError, multiline: true });

/**
 * One entry of volunteer hours, as JSON from the offline outbox (POST /api/v1/volunteer-hours). A grid worker
 * names the member and the entry is confirmed; a member leaves `memberId` out and it waits for the grid worker.
 * Idempotent on `clientId`.
 */
export const hoursInput = z.object({
  clientId: z.uuid({ error: t.community.clientIdReused }),
  memberId: z.preprocess((v) => (v === "" || v == null ? undefined : v), id.optional()),
  activityId: z.preprocess((v) => (v === "" || v == null ? undefined : v), id.optional()),
  servedOn: day,
  hours: halfHours,
  description,
});
export type HoursInput = z.output<typeof hoursInput>;

/**
 * Hours for an activity's attendees in one step. The form names a checkbox `served.<memberId>` and a field
 * `hours.<memberId>` per signed-up member; they are gathered into `entries`.
 */
export const activityHoursInput = z.preprocess(
  (raw) => {
    if (!raw || typeof raw !== "object" || "entries" in raw) return raw;
    const form = raw as Record<string, unknown>;
    const entries = Object.keys(form)
      .filter((k) => k.startsWith("served.") && (form[k] === "on" || form[k] === true))
      .map((k) => ({ memberId: k.slice(7), hours: form[`hours.${k.slice(7)}`] }));
    return { activityId: form.activityId, entries };
  },
  z.object({
    activityId: id,
    entries: z
      .array(z.object({ memberId: id, hours: halfHours }), { error: t.community.nobodyPicked })
      .min(1, t.community.nobodyPicked)
      .max(500, t.community.nobodyPicked),
  }),
);
export type ActivityHoursInput = z.output<typeof activityHoursInput>;

/** The grid worker's answer to a member's own entry: confirm, confirm with other hours, or reject. */
export const decideHoursInput = z
  .object({
    hoursId: id,
    decision: choice(["confirm", "adjust", "reject"]),
    hours: z.preprocess((v) => (v === "" || v == null ? undefined : v), halfHours.optional()),
    comment,
  })
  .superRefine((input, ctx) => {
    if (input.decision === "reject" && !input.comment)
      ctx.addIssue({ code: "custom", path: ["comment"], message: t.community.rejectReasonRequired });
    if (input.decision === "adjust" && input.hours === undefined)
      ctx.addIssue({ code: "custom", path: ["hours"], message: t.community.hoursError });
  });
export type DecideHours = z.output<typeof decideHoursInput>;

/** A correction of a confirmed entry: a new entry that supersedes it. */
export const correctHoursInput = z.object({
  hoursId: id,
  hours: halfHours,
  comment: text({ max: 500, message: t.community.correctReason, tooLong: t.community.commentTooLong, multiline: true }),
});
export type CorrectHours = z.output<typeof correctHoursInput>;

export const quarterQuery = z.object({ quarter: yearQuarter.optional().catch(undefined) });
