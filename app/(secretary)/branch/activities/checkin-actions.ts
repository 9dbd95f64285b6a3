"use server";

import { proxyCheckIn } from "@/db/queries/checkins";
import { action } from "@/lib/action";
import { proxyCheckinInput } from "@/lib/validation/checkins";

export const proxyCheckinAction = action("checkin.proxy", proxyCheckinInput, (input, { db, scope }) => proxyCheckIn(db, scope, input));
