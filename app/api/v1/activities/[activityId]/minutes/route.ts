import { minutesFor } from "@/db/queries/minutes";
import { t } from "@/lib/messages";
import { minutesDocx } from "@/lib/minutes-docx";
import { endpoint } from "@/lib/server/route";
import { minutesRef } from "@/lib/validation/minutes";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** One activity's minutes as a Word document, for whoever may read them (docs/architecture.md#minutes). */
export const GET = endpoint({
  name: "minutes.export",
  input: minutesRef,
  answer: "file",
  run: async (input, { db, scope }) => {
    const { activity, record } = await minutesFor(db, scope, input.activityId);
    const bytes = await minutesDocx(record);
    return { mime: DOCX, bytes: new Uint8Array(bytes), download: `${activity.title}-${t.minutes.title}.docx` };
  },
});
