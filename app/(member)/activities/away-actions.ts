"use server";

import { fileAwayReport } from "@/db/queries/away";
import { t } from "@/lib/messages";
import { action } from "@/lib/server/action";
import { readUpload } from "@/lib/uploads";
import { awayReportInput } from "@/lib/validation/membership";

export const fileAwayReportAction = action(
  "membership.away_report",
  awayReportInput,
  async ({ photo, ...input }, { db, scope }) => {
    await fileAwayReport(db, scope, { ...input, photo: photo ? await readUpload(photo) : undefined });
    return t.membership.reportSent;
  },
);
