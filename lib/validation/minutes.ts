import { z } from "zod";
import { t } from "../messages";
import { id, optionalFile, optionalText, text, wholeNumber, yearMonth } from "./fields";

const optionalId = z.preprocess((v) => (v === "" || v == null ? undefined : v), id.optional());
const version = wholeNumber(t.minutes.stale, 0, 2 ** 31 - 1);

/**
 * What people write into the minutes. The recorded facts (type, time, place, who came, the agenda, the dues)
 * have no field here: zod drops anything else sent, so no form or script can change them through the minutes
 * (docs/architecture.md#minutes). `version` is the one the form was shown (0 before the first save).
 */
export const saveMinutesInput = z.object({
  activityId: id,
  version,
  chairId: optionalId,
  recorderId: optionalId,
  discussion: optionalText({ max: 5000, message: t.minutes.discussionInvalid, multiline: true }),
  resolutions: optionalText({ max: 3000, message: t.minutes.resolutionsInvalid, multiline: true }),
  attachment: optionalFile,
});

export const signMinutesInput = z.object({ activityId: id, version });

export const addendumInput = z.object({
  activityId: id,
  body: text({ max: 2000, message: t.minutes.addendumInvalid, multiline: true }),
});

export const minutesRef = z.object({ activityId: id });

const year = wholeNumber(t.yearReport.year, 2000, 2100);

export const ledgerQuery = z.object({ branchId: id, year });

/** The county's records view: a month (2026-11) or a whole year. */
export const recordsQuery = z.object({
  month: yearMonth.optional().catch(undefined),
  year: year.optional().catch(undefined),
});

export const yearQuery = z.object({ year: year.optional().catch(undefined) });
