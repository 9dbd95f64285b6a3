import { z } from "zod";
import { t } from "../messages";
import { checkbox, choice, id } from "./fields";
import { json, links, localDateTime } from "./plans";

const optionalText = (max: number, message: string) =>
  z.preprocess((v) => (v === "" || v == null ? undefined : v), z.string().trim().max(max, message).optional());

/** 三会一课: the meeting types a secretary sets up at a time of their choosing. */
export const createMeetingInput = z.object({
  branchId: id,
  type: choice(["general_meeting", "committee_meeting", "group_meeting", "party_lecture"]),
  title: z.string({ error: t.plans.title }).trim().min(1, t.plans.title).max(60, t.plans.title),
  startsAt: localDateTime,
  durationMinutes: z.coerce.number({ error: t.plans.duration }).int(t.plans.duration).min(15, t.plans.duration).max(480, t.plans.duration),
  place: optionalText(60, t.run.place),
  materials: optionalText(20_000, t.plans.materials),
  links: json(links.default([])),
});

/** An evidence photo or PDF; checked again by its first bytes on the server (lib/uploads.ts). */
const evidence = z.preprocess((v) => (v instanceof File && v.size === 0 ? undefined : v), z.instanceof(File).optional());

export const markStepInput = z.object({
  stepId: id,
  done: checkbox,
  note: optionalText(500, t.run.note),
  photo: evidence,
});

/** Yuan as typed (12.5), stored as fen. */
export const recordDuesInput = z.object({
  activityId: id,
  memberId: id,
  amount: z
    .string({ error: t.run.amount })
    .trim()
    .regex(/^\d{1,6}(\.\d{1,2})?$/, t.run.amount)
    .transform((s) => Math.round(Number(s) * 100))
    .refine((fen) => fen > 0, t.run.amount),
});

export const activityRef = z.object({ activityId: id });

/** An empty place is allowed: it reads 地点待定 to members. */
export const setPlaceInput = z.object({
  activityId: id,
  place: z.string({ error: t.run.place }).trim().max(60, t.run.place),
});
export const complianceQuery = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).optional() });
