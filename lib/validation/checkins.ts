import { z } from "zod";
import { t } from "../messages";
import { FIRST_DAY, id, jsonId, LAST_DAY, optionalText, text } from "./fields";

/** What a phone sends to POST /api/v1/checkins, now or later from its outbox. */
export const checkinInput = z.object({
  activityId: jsonId,
  code: z
    .string({ error: t.checkin.badCode })
    .trim()
    .regex(/^\d{6}$/, t.checkin.badCode),
  step: z
    .number({ error: t.checkin.badCode })
    .int(t.checkin.badCode)
    .nonnegative(t.checkin.badCode)
    .max(2 ** 31, t.checkin.badCode)
    .optional(),
  clientId: z.uuid({ error: t.checkin.badClientId }),
  /** Device time of the scan (ISO 8601); sent by offline replays. */
  scannedAt: z.iso
    .datetime({ offset: true, error: t.checkin.badScannedAt })
    .refine((s) => s >= FIRST_DAY && s <= LAST_DAY, t.checkin.badScannedAt)
    .transform((s) => new Date(s))
    .optional(),
  /** A scan sealed by the /c page before sign-in: the server time it arrived and the seal (lib/checkin-seal.ts). */
  seenAt: z.coerce
    .number({ error: t.checkin.scanInvalid })
    .int(t.checkin.scanInvalid)
    .nonnegative(t.checkin.scanInvalid)
    .max(2 ** 53, t.checkin.scanInvalid)
    .optional(),
  seal: z
    .string({ error: t.checkin.scanInvalid })
    .regex(/^[0-9a-f]{32}$/, t.checkin.scanInvalid)
    .optional(),
});

export const proxyCheckinInput = z.object({
  activityId: id,
  memberId: id,
  reason: text({ min: 2, max: 200, message: t.checkin.proxyReason, multiline: true }),
});

export const disputeInput = z.object({
  checkinId: id,
  reason: text({ min: 2, max: 500, message: t.checkin.disputeReason, multiline: true }),
});

export const reviewOfflineInput = z.object({
  checkinId: id,
  decision: z.enum(["confirm", "reject"], { error: t.errors.bad_request }),
  note: optionalText({ max: 500, message: t.checkinReview.noteNeeded, multiline: true }),
});

export const settleDisputeInput = z.object({
  disputeId: id,
  decision: z.enum(["keep", "remove"], { error: t.errors.bad_request }),
  note: text({ min: 2, max: 500, message: t.checkinReview.noteNeeded, multiline: true }),
});

export const activityIdParam = z.object({ activityId: id });

/**
 * The paper sign-in sheet copied back: the form names each member's choice `mark.<memberId>` (present, late,
 * or empty for not there), gathered into `entries` here; members left empty are not sent on.
 */
export const paperSheetInput = z.preprocess(
  (raw) => {
    if (!raw || typeof raw !== "object" || "entries" in raw) return raw;
    const fields = Object.entries(raw as Record<string, unknown>);
    const entries = fields
      .filter(([k, v]) => k.startsWith("mark.") && v !== "" && v != null)
      .map(([k, outcome]) => ({ memberId: k.slice(5), outcome }));
    return { ...Object.fromEntries(fields.filter(([k]) => !k.startsWith("mark."))), entries };
  },
  z.object({
    activityId: id,
    entries: z
      .array(z.object({ memberId: id, outcome: z.enum(["present", "late"], { error: t.assist.nothingMarked }) }), {
        error: t.assist.nothingMarked,
      })
      .min(1, t.assist.nothingMarked)
      .max(500, t.assist.nothingMarked)
      .refine((entries) => new Set(entries.map((e) => e.memberId)).size === entries.length, t.assist.nothingMarked),
  }),
);
