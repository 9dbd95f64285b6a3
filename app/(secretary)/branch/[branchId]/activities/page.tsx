import Link from "next/link";
import { BranchTabs } from "@/components/branch-tabs";
import { PhaseTag } from "@/components/phase-tag";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState, Tag } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listBranchActivities } from "@/db/queries/activity-run";
import { t } from "@/lib/messages";
import { canManageActivity } from "@/lib/permissions";
import { pageData, pageId } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";
import { formatWhen } from "@/lib/time";

export const metadata = { title: t.run.activities };

export default async function BranchActivitiesPage({ params }: { params: Promise<{ branchId: string }> }) {
  const { db, scope } = await pageContext();
  const branchId = await pageId(params, "branchId");
  const { branch, activities } = await pageData(listBranchActivities(db, scope, branchId));
  return (
    <>
      <PageHeader title={branch.name} />
      <main className="space-y-3 p-4">
        <BranchTabs branchId={branch.id} current="activities" />
        {canManageActivity(scope, branch.path) && (
          <ButtonLink href={`/branch/${branch.id}/activities/new`} className="w-full">
            {t.run.newMeeting}
          </ButtonLink>
        )}
        {activities.length === 0 ? (
          <EmptyState>{t.empty.activities}</EmptyState>
        ) : (
          <ul className="divide-y divide-stone-100 rounded-xl bg-white" aria-label={t.run.activities}>
            {activities.map((a) => (
              <li key={a.id}>
                <Link href={`/branch/activities/${a.id}`} className="block px-4 py-3">
                  <span className="flex items-center justify-between gap-2">
                    <span className="font-medium">{a.title}</span>
                    <PhaseTag phase={a.phase} />
                  </span>
                  <span className="mt-1 flex gap-2 text-sm text-stone-600">
                    <Tag tone={a.type === "theme_day" ? "red" : "blue"}>{t.activityType[a.type]}</Tag>
                    {formatWhen(a.startsAt)}
                    {a.place && <span className="truncate">{a.place}</span>}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </main>
    </>
  );
}
