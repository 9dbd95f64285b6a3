import { sendDuePushes } from "@/lib/server/push";
import { afterCommit } from "../after-commit";
import type { Db } from "../open";
import { type Notice, notices } from "../schema/activities";
import { queuePush } from "./push";

export interface NoticeInput {
  /** Follows the schema's enum, so a new kind of notice needs only its label in t.notices.kind. */
  kind: Notice["kind"];
  activityId?: number | null;
  title: string;
  body?: string;
}

/**
 * Sends one in-app notice to each person; call it inside the transaction of the change it announces. Those
 * who opted in are also told by Web Push: the push is queued in the same transaction and sent once it
 * commits (db/after-commit.ts) — never for a change that is rolled back, never lost to a crash or a failing
 * push service (it is sent again later), and a push service that fails cannot fail the change.
 */
export async function notify(db: Db, userIds: number[], notice: NoticeInput): Promise<void> {
  if (userIds.length === 0) return;
  await db.insert(notices).values(
    userIds.map((userId) => ({
      userId,
      kind: notice.kind,
      activityId: notice.activityId ?? null,
      title: notice.title,
      body: notice.body ?? "",
    })),
  );
  // The notices page decides, per reader, which view of the activity a notice opens; the push leads there.
  const payload = { title: notice.title, body: (notice.body ?? "").slice(0, 200), url: "/notices" };
  await queuePush(db, userIds, payload);
  afterCommit(db, (committed) => sendDuePushes(committed));
}
