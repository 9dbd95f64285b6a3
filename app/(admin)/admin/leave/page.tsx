import { LeaveList } from "@/components/leave/leave-list";
import { EmptyState } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { committeeLeave } from "@/db/queries/leave-lists";
import { t } from "@/lib/messages";
import { pageData } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";

export const metadata = { title: t.leave.committeeTitle };

/** For committee admins: the secretaries' own leave, which the committee decides. */
export default async function CommitteeLeavePage() {
  const { db, scope } = await pageContext();
  const { pending, others } = await pageData(committeeLeave(db, scope));
  return (
    <>
      <PageHeader title={t.leave.committeeTitle} back="/admin" />
      <main className="space-y-4 p-4">
        {pending.length === 0 && others.length === 0 && <EmptyState>{t.leave.committeeEmpty}</EmptyState>}
        {pending.length > 0 && (
          <section className="space-y-2">
            <h2 className="text-lg font-semibold">{`${t.leave.tabs.pending}（${pending.length}）`}</h2>
            <LeaveList rows={pending} who="member" label={t.leave.tabs.pending} />
          </section>
        )}
        {others.length > 0 && (
          <section className="space-y-2">
            <h2 className="text-lg font-semibold">{t.leave.tabs.decided}</h2>
            <LeaveList rows={others} who="member" label={t.leave.tabs.decided} />
          </section>
        )}
      </main>
    </>
  );
}
