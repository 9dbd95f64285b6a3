"use server";

import { addAddendum, saveMinutes, signMinutes } from "@/db/queries/minutes";
import { t } from "@/lib/messages";
import { action } from "@/lib/server/action";
import { readUpload } from "@/lib/uploads";
import { addendumInput, saveMinutesInput, signMinutesInput } from "@/lib/validation/minutes";

export const saveMinutesAction = action(
  "minutes.save",
  saveMinutesInput,
  async ({ attachment, ...input }, { db, scope }) => {
    await saveMinutes(db, scope, { ...input, attachment: attachment ? await readUpload(attachment) : undefined });
    return attachment ? t.minutes.attached : t.minutes.saved;
  },
);

export const signMinutesAction = action("minutes.sign", signMinutesInput, async (input, { db, scope }) => {
  await signMinutes(db, scope, input);
  return t.minutes.signedOk;
});

export const addendumAction = action("minutes.addendum", addendumInput, async (input, { db, scope }) => {
  await addAddendum(db, scope, input);
  return t.minutes.addendumSaved;
});
