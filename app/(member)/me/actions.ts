"use server";

import { changePassword } from "@/db/queries/accounts";
import { action } from "@/lib/action";
import { changePasswordInput } from "@/lib/validation/auth";

export const changePasswordAction = action("account.change_password", changePasswordInput, (input, { db, scope }) =>
  changePassword(db, scope, input),
);
