"use server";

import { acknowledgePrivacy } from "@/db/queries/privacy";
import { safeNext } from "@/lib/privacy";
import { action } from "@/lib/server/action";
import { acknowledgeInput } from "@/lib/validation/privacy";

/** Records the acknowledgement and answers where to go on; the page goes there with a full load (proxy.ts). */
export const acknowledgeAction = action("privacy.acknowledge", acknowledgeInput, async (input, { db, scope }) => {
  await acknowledgePrivacy(db, scope, input);
  return { next: safeNext(input.next) };
});
