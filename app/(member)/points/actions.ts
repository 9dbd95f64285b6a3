"use server";

import { appealEntry } from "@/db/queries/point-views";
import { t } from "@/lib/messages";
import { action } from "@/lib/server/action";
import { appealInput } from "@/lib/validation/points";

export const appealAction = action("points.appeal", appealInput, async (input, { db, scope }) => {
  await appealEntry(db, scope, input);
  return t.points.appealed;
});
