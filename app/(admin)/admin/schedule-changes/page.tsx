import Link from "next/link";
import { ScheduleChangeDetails } from "@/components/schedule-change-details";
import { Card, EmptyState } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { countChanges, listChanges } from "@/db/queries/schedule-changes";
import type { ChangeStatus } from "@/db/schema/activities";
import { t } from "@/lib/messages";
import { isCountyAdmin } from "@/lib/permissions";
import { pageData } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";
import { DecisionForm } from "./decision-form";

export const metadata = { title: t.scheduleChange.list };

type Filter = ChangeStatus | "all";
const filters: Filter[] = [...(Object.keys(t.scheduleChange.status) as ChangeStatus[]), "all"];

/** Committee admins and the county work through the requests that wait for them; the tabs show the rest. */
export default async function ScheduleChangesPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const { db, scope } = await pageContext();
  const asked = (await searchParams).status as Filter | undefined;
  // Each role opens on the queue that waits for it.
  const current: Filter =
    asked && filters.includes(asked) ? asked : isCountyAdmin(scope) ? "pending_county" : "pending_committee";
  const [rows, counts] = await pageData(
    Promise.all([listChanges(db, scope, { status: current === "all" ? undefined : current }), countChanges(db, scope)]),
  );
  const total = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);

  return (
    <>
      <PageHeader title={t.scheduleChange.list} back="/admin" />
      <main className="space-y-3 p-4">
        <nav
          aria-label={t.scheduleChange.filter}
          className="grid grid-cols-3 gap-1 rounded-lg bg-stone-200 p-1 text-sm"
        >
          {filters.map((f) => (
            <Link
              key={f}
              href={`/admin/schedule-changes?status=${f}`}
              aria-current={f === current ? "page" : undefined}
              className={`flex min-h-10 items-center justify-center gap-1 rounded-md ${f === current ? "bg-white font-semibold shadow-sm" : "text-stone-700"}`}
            >
              {f === "all" ? t.common.all : t.scheduleChange.status[f]}
              <span className="text-xs text-stone-500">{f === "all" ? total : (counts[f] ?? 0)}</span>
            </Link>
          ))}
        </nav>
        {rows.length === 0 ? (
          <EmptyState>{t.scheduleChange.empty}</EmptyState>
        ) : (
          <ul className="space-y-3" aria-label={t.scheduleChange.list}>
            {rows.map((row) => (
              <li key={row.id}>
                <Card>
                  <ScheduleChangeDetails change={row} showBranch />
                  <Link
                    href={`/branch/activities/${row.activityId}`}
                    className="mt-1 inline-flex min-h-11 items-center text-brand"
                  >
                    {t.scheduleChange.viewActivity} ›
                  </Link>
                  {row.mayDecide && <DecisionForm changeId={row.id} level={row.mayDecide} />}
                </Card>
              </li>
            ))}
          </ul>
        )}
      </main>
    </>
  );
}
