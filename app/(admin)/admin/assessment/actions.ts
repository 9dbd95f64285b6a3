"use server";

import { setTier } from "@/db/queries/assessment";
import { t } from "@/lib/messages";
import { action } from "@/lib/server/action";
import { setTierInput } from "@/lib/validation/assessment";

export const setTierAction = action("assessment.set", setTierInput, async (input, { db, scope }) => {
  const { tier } = await setTier(db, scope, input);
  return t.assessment.setDone(t.assessment.tiers[tier]);
});
