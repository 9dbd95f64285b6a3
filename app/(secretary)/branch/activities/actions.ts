"use server";

import { setActivityPlace } from "@/db/queries/activity-place";
import { closeActivity, createMeeting, markStep, recordDues } from "@/db/queries/activity-run";
import { t } from "@/lib/messages";
import { action } from "@/lib/server/action";
import { readUpload } from "@/lib/uploads";
import { activityRef, createMeetingInput, markStepInput, setPlaceInput } from "@/lib/validation/activities";
import { takeDuesInput } from "@/lib/validation/dues";

export const createMeetingAction = action("activity.create", createMeetingInput, (input, { db, scope }) =>
  createMeeting(db, scope, input),
);

export const markStepAction = action("step.mark", markStepInput, async ({ photo, ...input }, { db, scope }) =>
  markStep(db, scope, { ...input, photo: photo ? await readUpload(photo) : undefined }),
);

export const recordDuesAction = action("dues.record", takeDuesInput, async (input, { db, scope }) => {
  await recordDues(db, scope, { ...input, amount: input.amount });
  return t.dues.recorded;
});

export const closeActivityAction = action("activity.close", activityRef, (input, { db, scope }) =>
  closeActivity(db, scope, input),
);

export const setPlaceAction = action("activity.place", setPlaceInput, async (input, { db, scope }) =>
  (await setActivityPlace(db, scope, input)).changed ? t.run.placeSaved : t.run.placeUnchanged,
);
