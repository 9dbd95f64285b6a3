import { ScheduleChangeDetails } from "@/components/schedule-change-details";
import { Card, Tag } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { changesForActivity } from "@/db/queries/schedule-changes";
import { t } from "@/lib/messages";
import { type PageArgs, pageData, pageId } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";
import { formatFull, toLocalInput } from "@/lib/time";
import { RequestForm } from "./request-form";

export const metadata = { title: t.scheduleChange.title };

/** The secretary asks to move a theme day, and follows the request through the committee and the county. */
export default async function ReschedulePage({ params }: PageArgs<"activityId">) {
  const { db, scope } = await pageContext();
  const activityId = await pageId(params, "activityId");
  const now = new Date();
  const { activity, changes, canManage, blocked } = await pageData(changesForActivity(db, scope, activityId, now));

  return (
    <>
      <PageHeader title={t.scheduleChange.title} back={`/branch/activities/${activity.id}`} />
      <main className="space-y-4 p-4">
        <Card>
          <p className="flex flex-wrap items-center gap-2">
            <Tag tone="red">{t.activityType[activity.type]}</Tag>
            <span className="font-medium">{activity.title}</span>
          </p>
          <p className="mt-2 text-sm text-stone-600">{t.scheduleChange.current}</p>
          <p className="text-lg font-medium" data-testid="current-time">
            {formatFull(activity.startsAt)}
          </p>
          <p className="text-stone-700">{activity.branchName}</p>
        </Card>

        {canManage && (
          <Card title={t.run.reschedule}>
            {blocked ? (
              <p className="text-stone-700">{blocked}</p>
            ) : (
              <RequestForm activityId={activity.id} current={toLocalInput(activity.startsAt)} min={toLocalInput(now)} />
            )}
          </Card>
        )}

        <Card title={t.scheduleChange.history}>
          {changes.length === 0 ? (
            <p className="text-stone-600">{t.scheduleChange.noHistory}</p>
          ) : (
            <ol className="divide-y divide-stone-100" aria-label={t.scheduleChange.history}>
              {changes.map((c) => (
                <li key={c.id} className="py-3 first:pt-0 last:pb-0">
                  <ScheduleChangeDetails change={c} />
                </li>
              ))}
            </ol>
          )}
        </Card>
      </main>
    </>
  );
}
