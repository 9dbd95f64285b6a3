import Link from "next/link";
import { DecideHoursForm, DecideReportForm } from "@/components/community/grid-forms";
import { HoursList } from "@/components/community/hours-list";
import { ButtonLink } from "@/components/ui/button";
import { Card, Tag } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { pendingReports } from "@/db/queries/community";
import { gridsOf } from "@/db/queries/org";
import { gridServiceActivities } from "@/db/queries/service-activities";
import { gridHours } from "@/db/queries/volunteer-hours";
import { formatHours } from "@/lib/community";
import { t } from "@/lib/messages";
import { pageData } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";
import { formatWhen } from "@/lib/time";

export const metadata = { title: t.nav.grid };

/** The grid worker's desk: reports and hours waiting for an answer, and the community activities. */
export default async function GridPage() {
  const { db, scope } = await pageContext();
  const [grids, reports, hours, activities] = await pageData(
    Promise.all([
      gridsOf(db, scope),
      pendingReports(db, scope),
      gridHours(db, scope, "submitted"),
      gridServiceActivities(db, scope),
    ]),
  );
  return (
    <>
      <PageHeader title={t.community.gridDesk} />
      <main className="space-y-4 p-4">
        <Card title={t.community.myGrids}>
          <p className="text-stone-700">{grids.map((g) => g.name).join("、")}</p>
        </Card>

        <Card title={`${t.community.pendingReports}（${reports.length}）`}>
          {reports.length === 0 ? (
            <p className="text-stone-600">{t.community.noPendingReports}</p>
          ) : (
            <ul className="divide-y divide-stone-100" aria-label={t.community.pendingReports}>
              {reports.map((r) => (
                <li key={r.id} className="space-y-2 py-3">
                  <p className="font-medium">{r.memberName}</p>
                  <p className="text-sm text-stone-700">
                    {r.branchName} · {r.gridName} · {formatWhen(r.createdAt)}
                  </p>
                  {r.posts.length > 0 && (
                    <p className="flex flex-wrap gap-1">
                      {r.posts.map((p) => (
                        <Tag key={p}>{p}</Tag>
                      ))}
                    </p>
                  )}
                  {r.note && <p className="text-stone-700">{r.note}</p>}
                  <DecideReportForm reportId={r.id} name={r.memberName} />
                </li>
              ))}
            </ul>
          )}
        </Card>

        <Card
          title={`${t.community.pendingHours}（${hours.length}）`}
          action={
            <Link href="/grid/hours" className="inline-flex min-h-11 items-center text-brand">
              {t.community.recordOne}
            </Link>
          }
        >
          {hours.length === 0 ? (
            <p className="text-stone-600">{t.community.noPendingHours}</p>
          ) : (
            <HoursList rows={hours}>
              {(h) => <DecideHoursForm hoursId={h.id} name={h.memberName ?? ""} hours={formatHours(h.halfHours)} />}
            </HoursList>
          )}
        </Card>

        <Card title={t.community.activities}>
          <ButtonLink href="/grid/activities/new" className="mb-2 w-full">
            {t.community.newActivity}
          </ButtonLink>
          {activities.length === 0 ? (
            <p className="text-stone-600">{t.community.noActivities}</p>
          ) : (
            <ul className="divide-y divide-stone-100">
              {activities.map((a) => (
                <li key={a.id}>
                  <Link href={`/grid/activities/${a.id}`} className="block py-3">
                    <span className="block font-medium">{a.title}</span>
                    <span className="block text-sm text-stone-700">
                      {formatWhen(a.startsAt)} · {a.holderName} · {t.community.signups(a.signups, a.capacity)}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </main>
    </>
  );
}
