import { LeaveList } from "@/components/leave/leave-list";
import { EmptyState } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { myLeave } from "@/db/queries/leave-lists";
import { t } from "@/lib/messages";
import { pageContext } from "@/lib/server/session";

export const metadata = { title: t.leave.mine };

/** The member's own requests and their states, with the make-up study each approved one needs. */
export default async function MyLeavePage() {
  const { db, scope } = await pageContext();
  const rows = await myLeave(db, scope);
  return (
    <>
      <PageHeader title={t.leave.mine} back="/me" />
      <main className="space-y-3 p-4">
        {rows.length === 0 ? (
          <EmptyState>{t.leave.empty}</EmptyState>
        ) : (
          <LeaveList rows={rows} who="activity" label={t.leave.mine} />
        )}
      </main>
    </>
  );
}
