import { MarkActivityRead } from "@/components/mark-activity-read";
import { AwayReportForm } from "@/components/membership/away-report-form";
import { MyCheckin } from "@/components/my-checkin";
import { HiddenOnceCheckedIn } from "@/components/my-checkin-parts";
import { OutcomeTag } from "@/components/outcome-tag";
import { PhaseTag } from "@/components/phase-tag";
import { ReadAloud } from "@/components/read-aloud";
import { ButtonLink } from "@/components/ui/button";
import { Card, Tag } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { myAwayReport } from "@/db/queries/away";
import { myCheckin } from "@/db/queries/checkins";
import { activityForMember } from "@/db/queries/member-activities";
import { minutesReadable } from "@/db/queries/minutes";
import { t } from "@/lib/messages";
import { isElderMode } from "@/lib/server/elder-mode";
import { pageData, pageId } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";
import { formatFull } from "@/lib/time";

export const metadata = { title: t.memberActivity.title };

export default async function MemberActivityPage({ params }: { params: Promise<{ activityId: string }> }) {
  const { db, scope } = await pageContext();
  const activityId = await pageId(params, "activityId");
  const { activity, steps, mine } = await pageData(activityForMember(db, scope, activityId));
  const closed = activity.status === "closed";
  const [checkin, elder, readable, away] = await Promise.all([
    myCheckin(db, scope, activity.id),
    isElderMode(),
    closed ? minutesReadable(db, scope, activity.id) : false,
    myAwayReport(db, scope, activity.id),
  ]);

  return (
    <>
      <PageHeader title={t.memberActivity.title} back="/activities" />
      <main className="space-y-4 p-4">
        <Card>
          <p className="flex flex-wrap items-center gap-2">
            <Tag tone={activity.type === "theme_day" ? "red" : "blue"}>{t.activityType[activity.type]}</Tag>
            <PhaseTag phase={activity.phase} />
          </p>
          <h2 className="mt-2 text-xl font-semibold">{activity.title}</h2>
          <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
            <dt className="text-stone-600">{t.memberActivity.time}</dt>
            <dd>{formatFull(activity.startsAt)}</dd>
            <dt className="text-stone-600">{t.memberActivity.duration}</dt>
            <dd>{t.memberActivity.minutes(activity.durationMinutes)}</dd>
            <dt className="text-stone-600">{t.memberActivity.place}</dt>
            <dd>{activity.place || t.memberActivity.placeTbd}</dd>
          </dl>
        </Card>

        {/* Seeing the activity is reading its notices: the secretary's "who has not read" follows from this. */}
        <MarkActivityRead activityId={activity.id} />
        <MyCheckin activity={activity} checkin={checkin} elder={elder} />

        {activity.type === "member_review" && (
          <ButtonLink href={`/activities/${activity.id}/review`} className="w-full">
            {t.review.open}
          </ButtonLink>
        )}

        {mine && (closed || mine.outcome) && (
          <Card title={t.memberActivity.myOutcome}>
            <OutcomeTag outcome={mine.outcome} expected={mine.expected} phase={activity.phase} />
          </Card>
        )}

        {(away.canReport || away.report) && (
          <Card title={t.membership.report}>
            {away.report ? (
              <p className="font-medium" data-testid="away-report-state">
                {away.report.status === "confirmed" ? t.membership.confirmedElsewhere : t.membership.reported}
              </p>
            ) : (
              <AwayReportForm activityId={activity.id} />
            )}
          </Card>
        )}

        {readable && (
          <ButtonLink href={`/activities/${activity.id}/minutes`} variant="secondary" className="w-full">
            {t.minutes.memberLink}
          </ButtonLink>
        )}

        {!closed && mine?.expected && (mine.outcome === null || mine.outcome === "leave") && (
          <HiddenOnceCheckedIn activityId={activity.id}>
            <ButtonLink href={`/leave/new?activityId=${activity.id}`} variant="secondary" className="w-full">
              {t.leave.ask}
            </ButtonLink>
          </HiddenOnceCheckedIn>
        )}

        {activity.materials && (
          <Card
            title={t.memberActivity.materials}
            action={elder && <ReadAloud text={activity.materials} label={t.memberActivity.materials} />}
          >
            <p className="whitespace-pre-line text-stone-800">{activity.materials}</p>
          </Card>
        )}

        {activity.links.length > 0 && (
          <Card title={t.memberActivity.links}>
            <ul className="space-y-1">
              {activity.links.map((link) => (
                <li key={link.url}>
                  <a
                    href={link.url}
                    target="_blank"
                    rel="noopener noreferrer"
                    className="inline-flex min-h-11 items-center text-brand underline"
                  >
                    {link.title}
                  </a>
                </li>
              ))}
            </ul>
          </Card>
        )}

        <Card title={t.memberActivity.agenda}>
          {steps.length === 0 ? (
            <p className="text-stone-600">{t.memberActivity.noAgenda}</p>
          ) : (
            <ol className="divide-y divide-stone-100">
              {steps.map((s, i) => (
                <li key={s.id} className="flex min-h-11 items-center justify-between gap-2 py-2">
                  <span>
                    <span className="mr-2 text-stone-500">{i + 1}.</span>
                    {s.title}
                  </span>
                  <span className="flex shrink-0 gap-1">
                    {s.mandatory && <Tag tone="red">{t.plans.mandatory}</Tag>}
                    {s.doneAt && <Tag tone="green">✓ {t.run.done}</Tag>}
                  </span>
                </li>
              ))}
            </ol>
          )}
        </Card>
      </main>
    </>
  );
}
