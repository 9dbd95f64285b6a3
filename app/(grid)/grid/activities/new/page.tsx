import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { activityPlaces } from "@/db/queries/community";
import { t } from "@/lib/messages";
import { pageData } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";
import { toLocalInput } from "@/lib/time";
import { ServiceActivityForm } from "./activity-form";

export const metadata = { title: t.community.newActivity };

export default async function NewServiceActivityPage() {
  const { db, scope } = await pageContext();
  const { places, posts } = await pageData(activityPlaces(db, scope));
  // Tomorrow at nine, a usual time for a volunteer activity.
  const start = new Date(Date.now() + 86_400_000);
  const defaultStart = `${toLocalInput(start).slice(0, 10)}T09:00`;
  return (
    <>
      <PageHeader title={t.community.newActivity} back="/grid" />
      <main className="p-4">
        <Card>
          <ServiceActivityForm places={places} posts={posts} defaultStart={defaultStart} />
        </Card>
      </main>
    </>
  );
}
