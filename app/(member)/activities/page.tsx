import { EmptyState } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { t } from "@/lib/messages";
import { pageContext } from "@/lib/session";

export const metadata = { title: t.nav.activities };

export default async function ActivitiesPage() {
  await pageContext();
  return (
    <>
      <PageHeader title={t.nav.activities} />
      <main className="p-4">
        <EmptyState>{t.empty.activities}</EmptyState>
      </main>
    </>
  );
}
