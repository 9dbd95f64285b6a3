"use server";

import { fileReport } from "@/db/queries/community";
import { setSignup } from "@/db/queries/service-activities";
import { t } from "@/lib/messages";
import { action } from "@/lib/server/action";
import { reportInput, serviceActivityRef } from "@/lib/validation/community";
import { checkbox } from "@/lib/validation/fields";

// A member's own hours go to POST /api/v1/volunteer-hours: the offline outbox must be able to replay them.

export const reportAction = action("community.report", reportInput, async (input, { db, scope }) => {
  await fileReport(db, scope, input);
  return t.community.reported;
});

export const signupAction = action(
  "community.signup",
  serviceActivityRef.extend({ join: checkbox }),
  async (input, { db, scope }) => {
    const { joined } = await setSignup(db, scope, input);
    return joined ? t.community.signedUp : t.community.cancelled;
  },
);
