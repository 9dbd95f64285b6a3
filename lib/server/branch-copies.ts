import "server-only";
import type { Db } from "@/db/open";
import { nextActivity } from "@/db/queries/member-activities";
import { AppError } from "../errors";
import type { Scope } from "../scope";
import { shortCopies } from "../short-copy";

/**
 * What the member's home shows that is the same for everyone in a branch: its next activity with the agenda's
 * titles, kept NEXT_ACTIVITY_COPY_MS per branch (lib/short-copy.ts). The key is the caller's own branch, from
 * their session, so a copy only ever reaches members of the branch it was read for. A moved time, a new or
 * a closed activity shows on the home within that time; the activity's own page always reads it afresh.
 */
export const NEXT_ACTIVITY_COPY_MS = 5_000;
const nextActivities = shortCopies<number, Awaited<ReturnType<typeof nextActivity>>>(NEXT_ACTIVITY_COPY_MS);

export async function branchNextActivity(db: Db, scope: Scope, now = Date.now()) {
  if (!scope.member) throw new AppError("forbidden");
  return nextActivities.get(scope.member.branchId, () => nextActivity(db, scope, new Date(now)), now);
}
