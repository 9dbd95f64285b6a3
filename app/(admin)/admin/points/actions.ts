"use server";

import { setMemberRanking } from "@/db/queries/point-views";
import { changeRule } from "@/db/queries/points";
import { t } from "@/lib/messages";
import { action } from "@/lib/server/action";
import { changeRuleInput, rankingInput } from "@/lib/validation/points";

export const changeRuleAction = action("points.rule", changeRuleInput, async (input, { db, scope }) => {
  await changeRule(db, scope, input);
  return t.points.ruleChanged;
});

export const setRankingAction = action("settings.member_ranking", rankingInput, async (input, { db, scope }) => {
  const { on } = await setMemberRanking(db, scope, input);
  return on ? t.points.rankingOn : t.points.rankingOff;
});
