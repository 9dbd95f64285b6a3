import { OPENS_BEFORE_MS } from "@/db/queries/activity-run";
import type { myCheckin } from "@/db/queries/checkins";
import type { nextActivity } from "@/db/queries/member-activities";
import { t } from "@/lib/messages";
import { formatWhen } from "@/lib/time";
import { MyCheckin } from "./my-checkin";
import { ButtonLink } from "./ui/button";
import { Card } from "./ui/card";

type Next = Awaited<ReturnType<typeof nextActivity>>;

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
  const opensAt = next ? next.startsAt.getTime() - OPENS_BEFORE_MS : 0;
  const canCheckIn = next && (checkin || now.getTime() >= opensAt);
  return (
    <main className="space-y-5 p-4" data-testid="elder-home">
      <Card title={t.home.nextActivity}>
        {next ? (
          <div className="space-y-3">
            <p className="text-xl font-semibold">{next.title}</p>
            <p>{formatWhen(next.startsAt)}</p>
            <p>{next.place || t.memberActivity.placeTbd}</p>
            {!canCheckIn && <p>{t.elder.opensLater}</p>}
            {/* No prefetch: opening the activity is the read receipt, and a prefetch is not the member reading it. */}
            <ButtonLink href={`/activities/${next.id}`} prefetch={false} variant="secondary" className="w-full">
              {t.elder.openActivity}
            </ButtonLink>
          </div>
        ) : (
          <p>{t.home.noActivity}</p>
        )}
      </Card>
      {next && canCheckIn && <MyCheckin activity={next} checkin={checkin} now={now} elder />}
      <ButtonLink
        href={next && !checkin ? `/leave/new?activityId=${next.id}` : "/leave"}
        variant="secondary"
        className="w-full"
      >
        {t.elder.askLeave}
      </ButtonLink>
      <ButtonLink href="/points" variant="secondary" className="w-full">
        {t.elder.myPoints}
      </ButtonLink>
    </main>
  );
}
