import { Card, Tag } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { serviceActivityDetail } from "@/db/queries/service-activities";
import { activityCapHalfHours, formatHours } from "@/lib/community";
import { t } from "@/lib/messages";
import { type PageArgs, pageData, pageId } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";
import { formatFull } from "@/lib/time";
import { ActivityHoursForm } from "./activity-hours-form";

export const metadata = { title: t.community.activities };

/** One community activity: who signed up and, once it has been held, their hours in one step. */
export default async function ServiceActivityPage({ params }: PageArgs<"activityId">) {
  const { db, scope } = await pageContext();
  const activityId = await pageId(params, "activityId");
  const { activity, signups } = await pageData(serviceActivityDetail(db, scope, activityId));
  const held = activity.startsAt <= new Date();
  const open = signups.filter((s) => s.recorded === null);
  return (
    <>
      <PageHeader title={activity.title} back="/grid" />
      <main className="space-y-4 p-4">
        <Card>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            <dt className="text-stone-600">{t.community.startsAt}</dt>
            <dd>{formatFull(activity.startsAt)}</dd>
            <dt className="text-stone-600">{t.community.minutes}</dt>
            <dd>{activity.minutes}</dd>
            <dt className="text-stone-600">{t.community.place}</dt>
            <dd>{activity.place}</dd>
            <dt className="text-stone-600">{t.community.heldBy}</dt>
            <dd>{activity.holderName}</dd>
          </dl>
        </Card>
        <Card title={`${t.community.signupList}（${t.community.signups(signups.length, activity.capacity)}）`}>
          {signups.length === 0 ? (
            <p className="text-stone-600">{t.community.noSignups}</p>
          ) : (
            <ul className="divide-y divide-stone-100">
              {signups.map((s) => (
                <li key={s.memberId} className="flex items-center justify-between gap-2 py-2">
                  <span>
                    {s.name} <span className="text-sm text-stone-600">{s.branchName}</span>
                  </span>
                  {s.recorded !== null && (
                    <Tag tone="green">{`${t.community.hoursRecorded} ${t.community.hoursUnit(formatHours(s.recorded))}`}</Tag>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Card>
        {held && open.length > 0 && (
          <Card title={t.community.logForActivity}>
            <ActivityHoursForm
              activityId={activity.id}
              people={open}
              hours={formatHours(activityCapHalfHours(activity.minutes))}
            />
          </Card>
        )}
      </main>
    </>
  );
}
