import { z } from "zod";
import { DESCRIPTION_MAX, toHalfHours } from "../community";
import { t } from "../messages";
import { choice, id } from "./fields";
import { localDateTime } from "./plans";

const m = t.community;

const optionalText = (max: number, message: string) =>
  z.preprocess((v) => (v === "" || v == null ? undefined : v), z.string({ error: message }).trim().max(max, message).optional());

/**
 * Several ids from a form: checkboxes named `<prefix>.<id>` (form data keeps one value per name), or an array
 * from JSON. Gathered into `key` before parsing.
 */
const gather = (prefix: string, key: string) => (raw: unknown) => {
  if (!raw || typeof raw !== "object" || key in raw) return raw;
  const entries = Object.entries(raw as Record<string, unknown>);
  const ids = entries.filter(([k, v]) => k.startsWith(`${prefix}.`) && (v === "on" || v === true)).map(([k]) => k.slice(prefix.length + 1));
  return { ...Object.fromEntries(entries.filter(([k]) => !k.startsWith(`${prefix}.`))), [key]: ids };
};

/** A member reports to a grid of the community they live in, optionally taking up service posts. */
export const reportInput = z.preprocess(
  gather("post", "postIds"),
  z.object({
    gridId: z.coerce.number({ error: m.chooseGrid }).int(m.chooseGrid).positive(m.chooseGrid),
    postIds: z.array(id).max(4, m.tooManyPosts).default([]),
    note: optionalText(200, m.noteTooLong),
  }),
);
export type ReportInput = z.output<typeof reportInput>;

const comment = z.preprocess((v) => (v == null ? "" : v), z.string({ error: m.commentTooLong }).trim().max(500, m.commentTooLong));

export const decideReportInput = z
  .object({ reportId: id, decision: choice(["confirm", "return"]), comment })
  .superRefine((input, ctx) => {
    if (input.decision === "return" && !input.comment) ctx.addIssue({ code: "custom", path: ["comment"], message: m.returnReasonRequired });
  });
export type DecideReport = z.output<typeof decideReportInput>;

export const serviceActivityInput = z.object({
  /** The grid (or, for a worker of the whole community, the community) holding it. */
  nodeId: id,
  title: z.string({ error: m.activityTitleError }).trim().min(1, m.activityTitleError).max(40, m.activityTitleError),
  place: z.string({ error: m.placeError }).trim().min(1, m.placeError).max(60, m.placeError),
  startsAt: localDateTime,
  minutes: z.coerce.number({ error: m.minutesError }).int(m.minutesError).min(30, m.minutesError).max(720, m.minutesError),
  capacity: z.coerce.number({ error: m.capacityError }).int(m.capacityError).min(1, m.capacityError).max(500, m.capacityError),
  postId: z.preprocess((v) => (v === "" || v == null ? undefined : v), id.optional()),
});
export type ServiceActivityInput = z.output<typeof serviceActivityInput>;

export const serviceActivityRef = z.object({ activityId: id });

/** Hours as typed, in half-hour steps: "1.5" → 3. */
export const halfHours = z.coerce
  .number({ error: m.hoursError })
  .transform((h, ctx) => {
    const half = toHalfHours(h);
    if (half === null) {
      ctx.addIssue({ code: "custom", message: m.hoursError });
      return z.NEVER;
    }
    return half;
  });

const day = z.string({ error: m.servedOnError }).regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, m.servedOnError);
const description = z.string({ error: m.descriptionError }).trim().min(1, m.descriptionError).max(DESCRIPTION_MAX, m.descriptionError);

/**
 * One entry of volunteer hours, as JSON from the offline outbox (POST /api/v1/volunteer-hours). A grid worker
 * names the member and the entry is confirmed; a member leaves `memberId` out and it waits for the grid worker.
 * Idempotent on `clientId`.
 */
export const hoursInput = z.object({
  clientId: z.uuid({ error: m.clientIdReused }),
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
      .array(z.object({ memberId: id, hours: halfHours }), { error: m.nobodyPicked })
      .min(1, m.nobodyPicked)
      .max(500, m.nobodyPicked),
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
    if (input.decision === "reject" && !input.comment) ctx.addIssue({ code: "custom", path: ["comment"], message: m.rejectReasonRequired });
    if (input.decision === "adjust" && input.hours === undefined) ctx.addIssue({ code: "custom", path: ["hours"], message: m.hoursError });
  });
export type DecideHours = z.output<typeof decideHoursInput>;

/** A correction of a confirmed entry: a new entry that supersedes it. */
export const correctHoursInput = z.object({ hoursId: id, hours: halfHours, comment: z.string({ error: m.correctReason }).trim().min(1, m.correctReason).max(500, m.commentTooLong) });
export type CorrectHours = z.output<typeof correctHoursInput>;

export const quarterQuery = z.object({ quarter: z.string().regex(/^\d{4}-Q[1-4]$/).optional().catch(undefined) });
