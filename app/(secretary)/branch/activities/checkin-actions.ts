"use server";

import { proxyCheckIn } from "@/db/queries/checkins";
import { recordPaperSheet } from "@/db/queries/paper-sheet";
import { action } from "@/lib/action";
import { t } from "@/lib/messages";
import { paperSheetInput, proxyCheckinInput } from "@/lib/validation/checkins";

export const proxyCheckinAction = action("checkin.proxy", proxyCheckinInput, (input, { db, scope }) => proxyCheckIn(db, scope, input));

export const paperSheetAction = action("checkin.paper_sheet", paperSheetInput, async (input, { db, scope }) => {
  const { recorded, already } = await recordPaperSheet(db, scope, input);
  return t.assist.saved(recorded, already);
});
