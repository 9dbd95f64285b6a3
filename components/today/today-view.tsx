"use client";

import { useEffect } from "react";
import { ElderHome } from "@/components/elder-home";
import { MarkActivityRead } from "@/components/mark-activity-read";
import { MyCheckin } from "@/components/my-checkin";
import { NextActivityCard } from "@/components/next-activity-card";
import { NoticeBell } from "@/components/notice-bell";
import { OutboxStatus } from "@/components/outbox/outbox-status";
import { TabBar } from "@/components/tab-bar";
import { tabsOf } from "@/components/tabs";
import { Button } from "@/components/ui/button";
import { Card, Tag } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { app } from "@/lib/messages/app";
import { home } from "@/lib/messages/home";
import { leave as leaveText } from "@/lib/messages/leave";
import { today } from "@/lib/messages/today";
import { formatWhen } from "@/lib/time";
import { revive, type TodayData } from "./today-data";
import { useToday } from "./use-today";

/**
 * The member's start page in the browser (app/(member)/today is a static shell): their name, their branch's
 * next activity with the check-in right here (code or scanner, as on the activity page), their own check-in or
 * leave, and the unread notices — from GET /api/v1/today, or offline from their own copy.
 */
export function TodayScreen() {
  const [view, again] = useToday();
  if (view.kind === "loading")
    return (
      <main className="p-4 text-stone-600" aria-busy>
        {today.loading}
      </main>
    );
  if (view.kind === "unavailable")
    return (
      <main className="space-y-3 p-4">
        <p role="alert">{today.unavailable}</p>
        <Button onClick={again}>{today.retry}</Button>
      </main>
    );
  return (
    <MemberToday
      data={view.data}
      offlineSince={view.kind === "copy" ? view.savedAt : null}
      key={`${view.kind}:${view.data.userId}`}
    />
  );
}

function MemberToday({ data, offlineSince }: { data: TodayData; offlineSince: Date | null }) {
  const { name, elderMode, unread, next, checkin, leave, roles, userId, now } = revive(data);
  // The server's clock while online (lib/activity-phase.ts); offline the phone's is all there is.
  const at = offlineSince ? new Date() : now;

  useEffect(() => {
    // 长辈模式 scales the page from the root (globals.css); the static shell cannot know it beforehand.
    document.documentElement.classList.toggle("elder", elderMode);
  }, [elderMode]);

  const notice = offlineSince && (
    <p role="status" className="mx-4 mt-4 rounded-lg bg-amber-50 p-3 text-amber-900">
      {today.offlineCopy(formatWhen(offlineSince))}
    </p>
  );
  return (
    <div className="pb-20">
      <PageHeader title={elderMode ? home.greeting(name) : app.name} action={<NoticeBell unread={unread} />} />
      {notice}
      {next && !offlineSince && unread > 0 && <MarkActivityRead activityId={next.id} />}
      {elderMode ? (
        <ElderHome next={next} checkin={checkin} now={at} />
      ) : (
        <main className="space-y-4 p-4">
          <p className="text-xl font-semibold">{home.greeting(name)}</p>
          <NextActivityCard next={next} />
          {next && <MyCheckin activity={next} checkin={checkin} now={at} />}
          {next && leave && (
            <Card title={today.leave}>
              <Tag tone={leave === "approved" ? "green" : leave === "rejected" ? "red" : "amber"}>
                {leaveText.status[leave]}
              </Tag>
            </Card>
          )}
        </main>
      )}
      <OutboxStatus userId={userId} />
      <TabBar tabs={tabsOf(true, new Set(roles))} />
    </div>
  );
}
