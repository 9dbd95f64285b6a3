import Link from "next/link";
import { notFound } from "next/navigation";
import { BranchTabs } from "@/components/branch-tabs";
import { LeaveList } from "@/components/leave/leave-list";
import { FiledByTag, LateTag } from "@/components/leave/leave-tags";
import { DownloadLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { branchLeave } from "@/db/queries/leave-lists";
import { t } from "@/lib/messages";
import { type PageArgs, pageData } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";
import { formatWhen } from "@/lib/time";
import { branchLeaveQuery, leaveViews } from "@/lib/validation/leave";
import { BatchApproveForm } from "./batch-form";

export const metadata = { title: t.leave.review };

/** The secretary's leave desk: pending (approve one or several), decided, and make-up study, per branch. */
export default async function BranchLeavePage({ params, searchParams }: PageArgs<"branchId">) {
  const { db, scope } = await pageContext();
  const query = branchLeaveQuery.safeParse({ ...(await searchParams), ...(await params) });
  if (!query.success) notFound();
  const { branch, rows, pending, filter } = await pageData(branchLeave(db, scope, query.data));
  const narrow = {
    ...(filter.activity && { activityId: String(filter.activity.id) }),
    ...(filter.member && { memberId: String(filter.member.id) }),
  };
  const href = (view: string, extra: Record<string, string> = narrow) =>
    `/branch/${branch.id}/leave?${new URLSearchParams({ view, ...extra })}`;
  const decidable = rows.filter((r) => r.decidable && r.status === "pending");

  return (
    <>
      <PageHeader title={branch.name} />
      <main className="space-y-3 p-4">
        <BranchTabs branchId={branch.id} current="leave" />
        <nav aria-label={t.leave.review} className="flex gap-2">
          {leaveViews.map((view) => (
            <Link
              key={view}
              href={href(view)}
              aria-current={view === query.data.view ? "page" : undefined}
              className={`flex min-h-11 flex-1 items-center justify-center rounded-lg ring-1 ${view === query.data.view ? "bg-brand text-white ring-brand" : "bg-white text-stone-800 ring-stone-300"}`}
            >
              {t.leave.tabs[view]}
              {view === "pending" && pending > 0 && `（${pending}）`}
            </Link>
          ))}
        </nav>
        {(filter.activity || filter.member) && (
          <p className="flex flex-wrap items-center gap-2 rounded-lg bg-white p-3 text-sm">
            <span className="text-stone-600">{t.leave.filtered}：</span>
            <span className="font-medium">{filter.activity?.title ?? filter.member?.name}</span>
            <Link
              href={href(query.data.view, {})}
              className="ml-auto inline-flex min-h-11 items-center text-brand underline"
            >
              {t.leave.clearFilter}
            </Link>
          </p>
        )}
        {filter.activity && (
          <DownloadLink href={`/api/v1/leave-requests/export?activityId=${filter.activity.id}`}>
            {t.leave.export}
          </DownloadLink>
        )}

        {rows.length === 0 ? (
          <EmptyState>
            {query.data.view === "pending"
              ? t.leave.noPending
              : query.data.view === "makeup"
                ? t.leave.makeup.none
                : t.leave.empty}
          </EmptyState>
        ) : query.data.view === "pending" && decidable.length > 0 ? (
          <BatchApproveForm>
            <ul className="divide-y divide-stone-100 rounded-xl bg-white" aria-label={t.leave.tabs.pending}>
              {rows.map((r) => (
                <li key={r.id} className="flex items-start gap-3 px-4 py-3">
                  {/* A 44-pixel square around the box, so it is as easy to hit as any other control. */}
                  {r.decidable ? (
                    <label className="-my-1 -ml-3 flex size-11 shrink-0 cursor-pointer items-center justify-center">
                      <input
                        type="checkbox"
                        name={`pick.${r.id}`}
                        aria-label={t.leave.select(r.memberName)}
                        className="size-5 accent-brand"
                      />
                    </label>
                  ) : (
                    <span className="-ml-3 size-11 shrink-0" />
                  )}
                  <Link href={`/leave/${r.id}`} className="block min-h-11 flex-1">
                    <span className="flex items-center justify-between gap-2">
                      <span className="font-medium">{r.memberName}</span>
                      <span className="flex shrink-0 gap-1">
                        {r.filedByName && <FiledByTag name={r.filedByName} />}
                        {r.late && <LateTag />}
                      </span>
                    </span>
                    <span className="mt-1 block text-sm text-stone-600">
                      {r.activityTitle}（{formatWhen(r.startsAt)}）· {t.leave.types[r.type]}：{r.reason}
                    </span>
                    {!r.decidable && r.bySecretary && (
                      <span className="mt-1 block text-xs text-stone-600">{t.leave.byCommittee}</span>
                    )}
                  </Link>
                </li>
              ))}
            </ul>
          </BatchApproveForm>
        ) : (
          <LeaveList rows={rows} who="member" label={t.leave.tabs[query.data.view]} />
        )}
      </main>
    </>
  );
}
