"use server";

import { activateAccount } from "@/db/queries/accounts";
import { action } from "@/lib/server/action";
import { activateInput } from "@/lib/validation/auth";

export const activate = action("account.activate", activateInput, (input, { db }) => activateAccount(db, input), {
  signedOut: true,
});
