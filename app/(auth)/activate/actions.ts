"use server";

import { activateAccount } from "@/db/queries/accounts";
import { publicAction } from "@/lib/action";
import { activateInput } from "@/lib/validation/auth";

export const activate = publicAction("account.activate", activateInput, (input, { db }) => activateAccount(db, input));
