import { HoursList } from "@/components/community/hours-list";
import { SignupButton } from "@/components/community/signup-button";
import { StandingTag } from "@/components/community/standing-tag";
import { ButtonLink } from "@/components/ui/button";
import { Card, EmptyState, Tag } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { myCommunity } from "@/db/queries/community";
import { memberServiceActivities } from "@/db/queries/service-activities";
import { myHours } from "@/db/queries/volunteer-hours";
import { formatHours } from "@/lib/community";
import { t } from "@/lib/messages";
import { pageData } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";
import { formatWhen } from "@/lib/time";

export const metadata = { title: t.community.mine };

const day = new Intl.DateTimeFormat("zh-CN", { dateStyle: "long", timeZone: "Asia/Shanghai" });

/** The member's community: where they reported and whether it is current, its activities, their hours. */
export default async function CommunityPage() {
  const { db, scope } = await pageContext();
  const [mine, activities, hours] = await pageData(
    Promise.all([myCommunity(db, scope), memberServiceActivities(db, scope), myHours(db, scope)]),
  );
  const { confirmed, pending, returned, standing } = mine;
  const canReport = mine.inOffice && !pending;
  const reportLabel = !confirmed
    ? t.community.report
    : standing === "due" || standing === "expired"
      ? t.community.renew
      : t.community.move;
  const confirmedHours = hours.filter((h) => h.status === "confirmed").reduce((sum, h) => sum + h.halfHours, 0);

  return (
    <>
      <PageHeader title={t.community.mine} back="/me" />
      <main className="space-y-4 p-4">
        <Card title={t.community.title} action={<StandingTag standing={standing} />}>
          {!mine.inOffice ? (
            <p className="text-stone-700">{t.community.onlyInOffice}</p>
          ) : (
            <div className="space-y-2">
              {confirmed && (
                <>
                  <p className="text-lg font-medium">
                    {confirmed.communityName} · {confirmed.gridName}
                  </p>
                  {mine.validUntil && (
                    <p className="text-stone-700">{t.community.validUntil(day.format(mine.validUntil))}</p>
                  )}
                  {confirmed.posts.length > 0 && (
                    <p className="flex flex-wrap items-center gap-2">
                      <span className="text-stone-600">{t.community.posts}</span>
                      {confirmed.posts.map((p) => (
                        <Tag key={p}>{p}</Tag>
                      ))}
                    </p>
                  )}
                </>
              )}
              {pending && (
                <p className="rounded-lg bg-blue-50 p-3 text-blue-900">
                  {t.community.reported}（{pending.communityName} · {pending.gridName}）
                </p>
              )}
              {returned && (
                <p className="rounded-lg bg-red-50 p-3 text-red-800">
                  {t.community.returnedBecause(returned.comment ?? "")}
                </p>
              )}
              {canReport && (
                <ButtonLink
                  href="/community/report"
                  variant={confirmed && standing === "current" ? "secondary" : "primary"}
                  className="w-full"
                >
                  {reportLabel}
                </ButtonLink>
              )}
            </div>
          )}
        </Card>

        {confirmed && (
          <Card title={t.community.upcoming}>
            {activities.length === 0 ? (
              <p className="text-stone-600">{t.community.noActivities}</p>
            ) : (
              <ul className="divide-y divide-stone-100">
                {activities.map((a) => (
                  <li key={a.id} className="space-y-2 py-3">
                    <p className="font-medium">{a.title}</p>
                    <p className="text-stone-700">
                      {formatWhen(a.startsAt)} · {a.place}
                    </p>
                    <p className="flex items-center gap-2 text-sm text-stone-600">
                      {t.community.signups(a.signups, a.capacity)}
                      {a.mine && <Tag tone="green">{t.community.signedUp}</Tag>}
                    </p>
                    {a.startsAt > new Date() && (a.mine || a.signups < a.capacity) && (
                      <SignupButton activityId={a.id} joined={a.mine} title={a.title} />
                    )}
                  </li>
                ))}
              </ul>
            )}
          </Card>
        )}

        {mine.inOffice && (
          <Card
            title={t.community.myHours}
            action={<span className="text-stone-700">{t.community.hoursUnit(formatHours(confirmedHours))}</span>}
          >
            {hours.length === 0 ? <p className="text-stone-600">{t.community.noHours}</p> : <HoursList rows={hours} />}
            {confirmed && (
              <ButtonLink href="/community/hours" variant="secondary" className="mt-3 w-full">
                {t.community.submitHours}
              </ButtonLink>
            )}
          </Card>
        )}
        {!mine.inOffice && hours.length === 0 && <EmptyState>{t.community.noHours}</EmptyState>}
      </main>
    </>
  );
}
