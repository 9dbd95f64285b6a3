import { eq } from "drizzle-orm";
import { type ReminderKind, reminderKinds } from "@/lib/enums";
import { SMS_CAP_DEFAULT } from "@/lib/reach";
import type { Scope } from "@/lib/scope";
import { countyGrant } from "@/lib/scope-paths";
import { monthOf } from "@/lib/time";
import type { ReachSettingsInput } from "@/lib/validation/reach";
import type { Db } from "../open";
import { countySettings } from "../schema/settings";
import { changeCountySettings } from "./county-settings";

export interface CountyReach {
  smsOn: boolean;
  cap: number;
  /** SMS sent this calendar month (Asia/Shanghai), as the sender counts them (db/queries/sms-outbox.ts). */
  used: number;
  /** The reminder kinds left on. */
  kinds: ReminderKind[];
}

/** The county's 通知与短信设置, defaults until its admin changes them. County roles only. */
export async function countyReach(db: Db, scope: Scope, now = new Date()): Promise<CountyReach> {
  const county = countyGrant(scope);
  const [row] = await db.select().from(countySettings).where(eq(countySettings.countyId, county.nodeId));
  const off = new Set(row?.remindersOff ?? []);
  return {
    smsOn: row?.smsOn ?? true,
    cap: row?.smsMonthlyCap ?? SMS_CAP_DEFAULT,
    used: row && row.smsMonth === monthOf(now) ? row.smsUsed : 0,
    kinds: reminderKinds.filter((kind) => !off.has(kind)),
  };
}

/** The county admin changes them; one transaction with its audit entry (what was set, in full). */
export async function setCountyReach(db: Db, scope: Scope, input: ReachSettingsInput, now = new Date()) {
  const remindersOff = reminderKinds.filter((kind) => !input.kinds.includes(kind));
  await changeCountySettings(
    db,
    scope,
    { smsOn: input.smsOn, smsMonthlyCap: input.cap, remindersOff },
    { action: "settings.reach", detail: { smsOn: input.smsOn, cap: input.cap, remindersOff } },
    now,
  );
  return countyReach(db, scope, now);
}
