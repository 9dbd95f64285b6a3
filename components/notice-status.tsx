"use client";

import { remindAction } from "@/app/(secretary)/branch/activities/notice-actions";
/**
 * Who of the expected members has read the activity's notice, for the secretary's activity page.
 *
 * Props:
 * - `status`: the result of `readStatus(db, scope, activityId)` from db/queries/notices.ts, loaded by the
 *   page (it throws forbidden/not_found outside the caller's scope, so load it through `pageData`).
 * - `activityId`: the activity, for the reminder button.
 *
 * The "提醒未读党员" button shows only when `status.canRemind` (the branch's secretary or the county, while
 * the activity is open) and someone has not read; it sends each of them a reminder notice.
 */
import { ActionForm } from "@/components/ui/action-form";
import { Card } from "@/components/ui/card";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ReadStatus } from "@/db/queries/notices";
import { notices } from "@/lib/messages/notices";

export function NoticeStatus({ status, activityId }: { status: ReadStatus; activityId: number }) {
  const { read, unread, expected } = status;
  return (
    <Card title={notices.status}>
      {expected === 0 ? (
        <p className="text-stone-600">{notices.noneExpected}</p>
      ) : (
        <>
          <p className="text-stone-800">{notices.counts(read.length, unread.length)}</p>
          {unread.length === 0 ? (
            <p className="mt-2 text-green-800">{notices.allRead}</p>
          ) : (
            <p className="mt-2 text-sm text-stone-700">
              {notices.unreadNames}：{unread.map((m) => m.name).join("、")}
            </p>
          )}
        </>
      )}
      {status.canRemind && unread.length > 0 && (
        <ActionForm action={remindAction} success={(data) => notices.reminded(data.count)} className="mt-3 space-y-2">
          <input type="hidden" name="activityId" value={activityId} />
          <SubmitButton variant="secondary">{notices.remind}</SubmitButton>
        </ActionForm>
      )}
    </Card>
  );
}
