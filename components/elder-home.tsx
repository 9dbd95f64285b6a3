import type { myCheckin } from "@/db/queries/checkins";
import { checkinWindow } from "@/lib/checkin-window";
import { elder as elderText } from "@/lib/messages/elder";
import { home } from "@/lib/messages/home";
import { memberActivity } from "@/lib/messages/member-activity";
import { formatWhen } from "@/lib/time";
import { MyCheckin } from "./my-checkin";
import type { NextActivity } from "./next-activity-card";
import { ButtonLink } from "./ui/button";
import { Card } from "./ui/card";

type Next = (NextActivity & { durationMinutes: number; status: "scheduled" | "closed" }) | null;

/**
 * The member's home in 长辈模式: only the three things that matter — the next activity with its
 * check-in right here (a big 签到 button once the window is open), asking for leave, and my points.
 */
export function ElderHome({
  next,
  checkin,
  now = new Date(),
}: {
  next: Next;
  checkin: Awaited<ReturnType<typeof myCheckin>> | null;
  now?: Date;
}) {
  const canCheckIn = next && (checkin || !checkinWindow(next, now).opensLater);
  return (
    <main className="space-y-5 p-4" data-testid="elder-home">
      <Card title={home.nextActivity}>
        {next ? (
          <div className="space-y-3">
            <p className="text-xl font-semibold">{next.title}</p>
            <p>{formatWhen(next.startsAt)}</p>
            <p>{next.place || memberActivity.placeTbd}</p>
            {!canCheckIn && <p>{elderText.opensLater}</p>}
            {/* No prefetch: opening the activity is the read receipt, and a prefetch is not the member reading it. */}
            <ButtonLink href={`/activities/${next.id}`} prefetch={false} variant="secondary" className="w-full">
              {elderText.openActivity}
            </ButtonLink>
          </div>
        ) : (
          <p>{home.noActivity}</p>
        )}
      </Card>
      {next && canCheckIn && <MyCheckin activity={next} checkin={checkin} now={now} elder />}
      <ButtonLink
        href={next && !checkin ? `/leave/new?activityId=${next.id}` : "/leave"}
        variant="secondary"
        className="w-full"
      >
        {elderText.askLeave}
      </ButtonLink>
      <ButtonLink href="/points" variant="secondary" className="w-full">
        {elderText.myPoints}
      </ButtonLink>
    </main>
  );
}
