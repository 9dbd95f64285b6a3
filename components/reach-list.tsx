"use client";

import { phonedAction } from "@/app/(secretary)/branch/activities/notice-actions";
/**
 * 通知到位情况 on the secretary's run screen (docs/reminders-and-sms.md#not-reached): per expected member,
 * how the activity's notices reached them — in-app read, Web Push, SMS (with why not), a phone call noted —
 * and, for those no channel has reached, a one-tap "已电话通知".
 *
 * Props:
 * - `status`: `activityReach(db, scope, activityId)` from db/queries/reach.ts, loaded by the page.
 * - `smsOn`: whether the SMS channel is configured; when not, the card says so.
 * - `phonedAt`: each phone note's time by member, formatted on the server (Asia/Shanghai).
 */
import { ActionForm } from "@/components/ui/action-form";
import { Card, Tag } from "@/components/ui/card";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActivityReach, ChannelState } from "@/db/queries/reach";
import { reach } from "@/lib/messages/reach";

function channelText(state: ChannelState): string {
  if (!state) return reach.none;
  const reason = state.reason ? (reach.reason[state.reason] ?? reach.providerReason(state.reason)) : "";
  return reason && state.status !== "sent" ? `${reach.status[state.status]}（${reason}）` : reach.status[state.status];
}

export function ReachList({
  status,
  smsOn,
  phonedAt,
}: {
  status: ActivityReach;
  smsOn: boolean;
  phonedAt: Record<number, string>;
}) {
  const reached = status.members.length - status.notReached.length;
  return (
    <Card title={reach.title}>
      <p className="text-stone-800">{reach.summary(reached, status.members.length)}</p>
      {!smsOn && <p className="mt-2 text-sm text-amber-800">{reach.smsOff}</p>}
      {status.notReached.length === 0 && status.members.length > 0 && (
        <p className="mt-2 text-green-800">{reach.allReached}</p>
      )}
      {/* Folded: the run screen's roster already lists every member; the rows here are for the call list. */}
      <details className="mt-2">
        <summary className="ui-control flex min-h-11 cursor-pointer items-center font-medium text-brand">
          {reach.eachMember}
        </summary>
        <ul className="mt-2 divide-y divide-stone-100" aria-label={reach.title}>
          {status.members.map((r) => (
            <li key={r.memberId} className="py-2" data-testid={`reach-${r.memberId}`}>
              <p className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{r.name}</span>
                {r.reached ? (
                  <Tag tone="green">{r.phoned ? reach.phoned : reach.read}</Tag>
                ) : (
                  <Tag tone="red">{reach.notReached}</Tag>
                )}
              </p>
              <p className="text-sm text-stone-700">
                {reach.channel.inApp} {r.read ? reach.read : reach.unread} · {reach.channel.push} {channelText(r.push)}{" "}
                · {reach.channel.sms} {channelText(r.sms)}
              </p>
              {r.phoned && (
                <p className="text-sm text-stone-600">{reach.phonedBy(r.phoned.by, phonedAt[r.memberId] ?? "")}</p>
              )}
              {!r.reached && status.canMark && (
                <ActionForm action={phonedAction} success={() => reach.marked} className="mt-1">
                  <input type="hidden" name="activityId" value={status.activityId} />
                  <input type="hidden" name="memberId" value={r.memberId} />
                  <SubmitButton variant="secondary">{reach.markPhoned}</SubmitButton>
                </ActionForm>
              )}
            </li>
          ))}
        </ul>
      </details>
    </Card>
  );
}
