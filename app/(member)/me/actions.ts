"use server";

import { changePassword } from "@/db/queries/accounts";
import { setElderMode } from "@/db/queries/preferences";
import { action } from "@/lib/server/action";
import { changePasswordInput } from "@/lib/validation/auth";
import { elderModeInput } from "@/lib/validation/preferences";

export const changePasswordAction = action("account.change_password", changePasswordInput, (input, { db, scope }) =>
  changePassword(db, scope, input),
);

export const setElderModeAction = action("account.elder_mode", elderModeInput, (input, { db, scope }) =>
  setElderMode(db, scope, input),
);
