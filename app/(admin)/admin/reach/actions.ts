"use server";

import { setCountyReach } from "@/db/queries/reach-settings";
import { t } from "@/lib/messages";
import { action } from "@/lib/server/action";
import { reachSettingsInput } from "@/lib/validation/reach";

export const setReachAction = action("settings.reach", reachSettingsInput, async (input, { db, scope }) => {
  await setCountyReach(db, scope, input);
  return t.reach.settings.saved;
});
