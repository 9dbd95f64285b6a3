"use server";

import { changePassword } from "@/db/queries/accounts";
import { setElderMode, setSmsOn } from "@/db/queries/preferences";
import { requestCorrection } from "@/db/queries/privacy";
import { confirmMyRecord } from "@/db/queries/record-confirmation";
import { t } from "@/lib/messages";
import { action } from "@/lib/server/action";
import { changePasswordInput } from "@/lib/validation/auth";
import { noInput } from "@/lib/validation/fields";
import { switchInput } from "@/lib/validation/preferences";
import { correctionInput } from "@/lib/validation/privacy";

export const changePasswordAction = action("account.change_password", changePasswordInput, (input, { db, scope }) =>
  changePassword(db, scope, input),
);

export const setElderModeAction = action("account.elder_mode", switchInput, (input, { db, scope }) =>
  setElderMode(db, scope, input),
);

export const setSmsAction = action("account.sms", switchInput, (input, { db, scope }) => setSmsOn(db, scope, input));

export const requestCorrectionAction = action("privacy.correction", correctionInput, async (input, { db, scope }) => {
  await requestCorrection(db, scope, input);
  return t.privacy.correction.sent;
});

export const confirmRecordAction = action("privacy.confirm_record", noInput, (_input, { db, scope }) =>
  confirmMyRecord(db, scope),
);
