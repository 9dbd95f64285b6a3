import { EmptyState } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { checkinScreen } from "@/db/queries/checkin-screen";
import { t } from "@/lib/messages";
import { type PageArgs, pageData, pageId } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";
import { CheckinScreen } from "./checkin-screen";

export const metadata = { title: t.checkin.screen };

export default async function CheckinScreenPage({ params }: PageArgs<"activityId">) {
  const { db, scope } = await pageContext();
  const activityId = await pageId(params, "activityId");
  const { activity, secret, summary } = await pageData(checkinScreen(db, scope, activityId));
  return (
    <>
      <PageHeader title={`${t.checkin.screen} · ${activity.title}`} back={`/branch/activities/${activity.id}`} />
      <main className="p-4">
        {activity.status === "closed" ? (
          <EmptyState>{t.checkin.closed}</EmptyState>
        ) : (
          <CheckinScreen activityId={activity.id} secret={secret} initial={summary} />
        )}
      </main>
    </>
  );
}
