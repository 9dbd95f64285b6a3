import { notFound } from "next/navigation";
import { Card, EmptyState, Tag } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { activityForSecretary } from "@/db/queries/activity-run";
import { t } from "@/lib/messages";
import { canManageActivity } from "@/lib/permissions";
import { type PageArgs, pageData, pageId } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";
import { PaperSheetForm } from "./paper-form";

export const metadata = { title: t.assist.enter };

/** Copying the signed paper sheet back in one screen: each expected member without t.assist record yet. */
export default async function PaperSheetPage({ params }: PageArgs<"activityId">) {
  const { db, scope } = await pageContext();
  const activityId = await pageId(params, "activityId");
  const { activity, roster } = await pageData(activityForSecretary(db, scope, activityId));
  if (!canManageActivity(scope, activity.branchPath) || activity.status !== "scheduled") notFound();
  const expected = roster.filter((r) => r.expected);
  const open = expected.filter((r) => !r.outcome);
  const done = expected.filter((r) => r.outcome);

  return (
    <>
      <PageHeader title={t.assist.enter} back={`/branch/activities/${activity.id}`} />
      <main className="space-y-4 p-4">
        <Card>
          <p className="font-medium">{activity.title}</p>
          <p className="mt-1 text-stone-700">{t.assist.enterHint}</p>
        </Card>
        {open.length === 0 ? (
          <EmptyState>{t.assist.noneLeft}</EmptyState>
        ) : (
          <PaperSheetForm
            activityId={activity.id}
            members={open.map((r) => ({ memberId: r.memberId, name: r.name }))}
          />
        )}
        {done.length > 0 && (
          <Card title={t.assist.recorded}>
            <ul className="divide-y divide-stone-100">
              {done.map((r) => (
                <li key={r.memberId} className="flex min-h-11 items-center justify-between gap-2">
                  {r.name}
                  <Tag>{t.run.outcome[r.outcome!]}</Tag>
                </li>
              ))}
            </ul>
          </Card>
        )}
      </main>
    </>
  );
}
