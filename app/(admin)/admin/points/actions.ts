"use server";

import { changeRule } from "@/db/queries/points";
import { action } from "@/lib/action";
import { t } from "@/lib/messages";
import { changeRuleInput } from "@/lib/validation/points";

export const changeRuleAction = action("points.rule", changeRuleInput, async (input, { db, scope }) => {
  await changeRule(db, scope, input);
  return t.points.ruleChanged;
});
