"use server";

import { setMemberRanking } from "@/db/queries/point-views";
import { changeRule } from "@/db/queries/points";
import { t } from "@/lib/messages";
import { action } from "@/lib/server/action";
import { changeRuleInput } from "@/lib/validation/points";
import { switchInput } from "@/lib/validation/preferences";

export const changeRuleAction = action("points.rule", changeRuleInput, async (input, { db, scope }) => {
  await changeRule(db, scope, input);
  return t.points.ruleChanged;
});

export const setRankingAction = action("settings.member_ranking", switchInput, (input, { db, scope }) =>
  setMemberRanking(db, scope, input),
);
