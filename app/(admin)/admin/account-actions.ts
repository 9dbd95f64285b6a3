"use server";

import { endSessions } from "@/db/queries/accounts";
import { revealPhone } from "@/db/queries/phone-reveal";
import { action } from "@/lib/server/action";
import { memberRef } from "@/lib/validation/roster";

export const endSessionsAction = action("auth.end_sessions", memberRef, (input, { db, scope }) =>
  endSessions(db, scope, input),
);
export const revealPhoneAction = action("privacy.unmask_phone", memberRef, (input, { db, scope }) =>
  revealPhone(db, scope, input),
);
