import type { Db } from "../open";
import { notices } from "../schema/activities";

export interface NoticeInput {
  kind: "activity" | "reminder" | "schedule_change" | "plan_revision";
  activityId?: number | null;
  title: string;
  body?: string;
}

/** Sends one in-app notice to each person; call it inside the transaction of the change it announces. */
export async function notify(db: Db, userIds: number[], notice: NoticeInput): Promise<void> {
  if (userIds.length === 0) return;
  await db.insert(notices).values(userIds.map((userId) => ({ userId, kind: notice.kind, activityId: notice.activityId ?? null, title: notice.title, body: notice.body ?? "" })));
}
