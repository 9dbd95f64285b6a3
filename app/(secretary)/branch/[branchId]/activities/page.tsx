import { ActivityDetail } from "@/components/activity-detail";
import { BranchTabs } from "@/components/branch-tabs";
import { PhaseTag } from "@/components/phase-tag";
import { ButtonLink } from "@/components/ui/button";
import { LinkList } from "@/components/ui/link-list";
import { PageHeader } from "@/components/ui/page-header";
import { listBranchActivities } from "@/db/queries/activity-run";
import { t } from "@/lib/messages";
import { canManageActivity } from "@/lib/permissions";
import { type PageArgs, pageData, pageId } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";

export const metadata = { title: t.run.activities };

export default async function BranchActivitiesPage({ params }: PageArgs<"branchId">) {
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
        <LinkList
          label={t.run.activities}
          empty={t.empty.activities}
          rows={activities.map((a) => ({
            key: a.id,
            href: `/branch/activities/${a.id}`,
            title: a.title,
            aside: <PhaseTag phase={a.phase} />,
            detail: <ActivityDetail {...a} />,
          }))}
        />
      </main>
    </>
  );
}
