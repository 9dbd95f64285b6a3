"use server";

import { publishPlan, revisePlan } from "@/db/queries/plans";
import { t } from "@/lib/messages";
import { action } from "@/lib/server/action";
import { publishPlanInput, revisePlanInput } from "@/lib/validation/plans";

export const publishPlanAction = action("plan.publish", publishPlanInput, async (input, { db, scope }) =>
  t.plans.published((await publishPlan(db, scope, input)).branches),
);

export const revisePlanAction = action("plan.revise", revisePlanInput, async (input, { db, scope }) => {
  const { version, activities } = await revisePlan(db, scope, input);
  return t.plans.revised(version, activities);
});
