"use server";

import { decideReport } from "@/db/queries/community";
import { createServiceActivity } from "@/db/queries/service-activities";
import { correctHours, decideHours, recordActivityHours } from "@/db/queries/volunteer-hours";
import { t } from "@/lib/messages";
import { action } from "@/lib/server/action";
import {
  activityHoursInput,
  correctHoursInput,
  decideHoursInput,
  decideReportInput,
  serviceActivityInput,
} from "@/lib/validation/community";

export const decideReportAction = action("community.report.decide", decideReportInput, async (input, { db, scope }) => {
  const { decision } = await decideReport(db, scope, input);
  return decision === "confirm" ? t.community.confirmed : t.community.returned;
});

export const createServiceActivityAction = action(
  "community.activity.create",
  serviceActivityInput,
  (input, { db, scope }) => createServiceActivity(db, scope, input),
);

export const activityHoursAction = action(
  "community.hours.activity",
  activityHoursInput,
  async (input, { db, scope }) => {
    const { count } = await recordActivityHours(db, scope, input);
    return t.community.loggedFor(count);
  },
);

export const decideHoursAction = action("community.hours.decide", decideHoursInput, async (input, { db, scope }) => {
  const { status } = await decideHours(db, scope, input);
  return t.community.hoursStatus[status];
});

export const correctHoursAction = action("community.hours.correct", correctHoursInput, async (input, { db, scope }) => {
  await correctHours(db, scope, input);
  return t.community.corrected;
});
