import { EmptyState } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { t } from "@/lib/messages";
import { pageContext } from "@/lib/session";

export const metadata = { title: t.nav.points };

export default async function PointsPage() {
  await pageContext();
  return (
    <>
      <PageHeader title={t.nav.points} />
      <main className="p-4">
        <EmptyState>{t.empty.points}</EmptyState>
      </main>
    </>
  );
}
