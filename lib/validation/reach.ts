import { z } from "zod";
import { reminderKinds } from "../enums";
import { t } from "../messages";
import { SMS_CAP_MAX } from "../reach";
import { checkbox, gather, id, wholeNumber } from "./fields";

/** The secretary's "已电话通知" for one expected member of one activity. */
export const phonedInput = z.object({ activityId: id, memberId: id });
export type PhonedInput = z.output<typeof phonedInput>;

/**
 * The county's 通知与短信设置: SMS on or off, the monthly cap, and the reminder kinds left on (a checkbox
 * per kind, named `kind.<kind>`).
 */
export const reachSettingsInput = z.preprocess(
  gather("kind", "kinds"),
  z.object({
    smsOn: checkbox,
    cap: wholeNumber(t.reach.settings.capInvalid, 0, SMS_CAP_MAX),
    kinds: z.array(z.enum(reminderKinds, { error: t.reach.settings.kindInvalid })).max(reminderKinds.length),
  }),
);
export type ReachSettingsInput = z.output<typeof reachSettingsInput>;
