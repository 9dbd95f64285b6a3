import { and, eq, inArray } from "drizzle-orm";
import { deliverAfterCommit, smsOn } from "@/lib/server/delivery";
import { afterCommit } from "../after-commit";
import type { Db } from "../open";
import { type Notice, notices } from "../schema/activities";
import { users } from "../schema/users";
import { queueNoticePush } from "./push";
import { queueSms } from "./sms-outbox";

export interface NoticeInput {
  /** Follows the schema's enum, so a new kind of notice needs only its label in t.notices.kind. */
  kind: Notice["kind"];
  activityId?: number | null;
  title: string;
  body?: string;
}

/**
 * The notices worth an SMS (they cost money and come by phone number): those about an activity a member is
 * expected at — its announcement, reminders and moves (docs/reminders-and-sms.md#the-pipeline).
 */
const SMS_KINDS = new Set<Notice["kind"]>(["activity", "reminder", "schedule_change", "plan_revision"]);

/**
 * Sends one in-app notice to each person; call it inside the transaction of the change it announces. The
 * other channels are queued in the same transaction and sent once it commits (db/after-commit.ts): Web Push
 * to the browsers they opted in on, SMS for notices about an activity (docs/reminders-and-sms.md) — never
 * for a change that is rolled back, never lost to a crash or a failing service (it is sent again later),
 * and a failing service cannot fail the change. A disabled account is told nothing.
 */
export async function notify(db: Db, userIds: number[], notice: NoticeInput): Promise<void> {
  if (userIds.length === 0) return;
  const live = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, [...new Set(userIds)]), eq(users.active, true)));
  if (live.length === 0) return;
  const written = await db
    .insert(notices)
    .values(
      live.map(({ id }) => ({
        userId: id,
        kind: notice.kind,
        activityId: notice.activityId ?? null,
        title: notice.title,
        body: notice.body ?? "",
      })),
    )
    .returning({ id: notices.id, userId: notices.userId });
  // The notices page decides, per reader, which view of the activity a notice opens; the push leads there.
  const payload = { title: notice.title, body: (notice.body ?? "").slice(0, 200), url: "/notices" };
  await queueNoticePush(db, written, payload);
  if (notice.activityId && SMS_KINDS.has(notice.kind))
    await queueSms(
      db,
      written.map((n) => n.id),
      smsOn(),
    );
  afterCommit(db, (committed) => deliverAfterCommit(committed));
}
