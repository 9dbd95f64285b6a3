import { notFound } from "next/navigation";
import { BranchTabs } from "@/components/branch-tabs";
import { DashboardCard } from "@/components/dashboard-card";
import { MemberTags } from "@/components/member-tags";
import { SettleCorrectionForm } from "@/components/privacy/correction-forms";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { LinkList } from "@/components/ui/link-list";
import { PageHeader } from "@/components/ui/page-header";
import { openDisputes } from "@/db/queries/checkin-review";
import { branchDashboard } from "@/db/queries/dashboard";
import { branchCorrections } from "@/db/queries/privacy";
import { unconfirmedMembers } from "@/db/queries/record-confirmation";
import { listRoster } from "@/db/queries/roster";
import { t } from "@/lib/messages";
import { canManageRoster, canSettleCorrection } from "@/lib/permissions";
import { grantsOf } from "@/lib/scope-paths";
import { type PageArgs, pageData } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";
import { monthOf } from "@/lib/time";
import { ROSTER_QUERY_MAX, rosterQuery } from "@/lib/validation/roster";

export const metadata = { title: t.roster.title };

export default async function RosterPage({ params, searchParams }: PageArgs<"branchId">) {
  const { db, scope } = await pageContext();
  const query = rosterQuery.safeParse({ ...(await searchParams), ...(await params) });
  if (!query.success) notFound();
  const month = monthOf(new Date());
  const [{ branch, members }, today, disputes, corrections, unconfirmed] = await pageData(
    Promise.all([
      listRoster(db, scope, query.data),
      branchDashboard(db, scope, query.data.branchId, month),
      openDisputes(db, scope, query.data.branchId),
      branchCorrections(db, scope, query.data),
      unconfirmedMembers(db, scope, query.data),
    ]),
  );
  const manage = canManageRoster(scope, branch.path);
  const away = members.filter((m) => m.presence === "away").length;

  return (
    <>
      <PageHeader title={branch.name} back={grantsOf(scope).length > 1 ? "/branch" : undefined} />
      <main className="space-y-3 p-4">
        <BranchTabs branchId={branch.id} current="roster" />
        <DashboardCard month={month} figures={today} />
        {disputes.length > 0 && (
          <ButtonLink href={`/branch/${branch.id}/disputes`} variant="secondary" className="w-full">
            {t.checkinReview.disputesLink(disputes.length)}
          </ButtonLink>
        )}
        {corrections.length > 0 && (
          <Card title={t.privacy.correction.branchTitle}>
            <ul className="space-y-3" aria-label={t.privacy.correction.branchTitle}>
              {corrections.map((c) => (
                <li key={c.id} className="space-y-2 rounded-lg bg-stone-50 p-3">
                  <p className="font-medium">{c.memberName}</p>
                  <p className="whitespace-pre-wrap text-stone-800">{c.body}</p>
                  {canSettleCorrection(scope, { memberId: c.memberId, branchPath: branch.path }) && (
                    <SettleCorrectionForm correctionId={c.id} />
                  )}
                </li>
              ))}
            </ul>
          </Card>
        )}
        {unconfirmed.rows.length > 0 && (
          <details className="rounded-xl bg-white p-4 shadow-sm">
            <summary className="min-h-11 cursor-pointer font-medium">
              {t.privacy.confirm.branchTitle(unconfirmed.year, unconfirmed.rows.length)}
            </summary>
            <p className="mt-2 text-stone-800">{unconfirmed.rows.map((m) => m.name).join("、")}</p>
          </details>
        )}
        {manage && (
          <div className="grid grid-cols-2 gap-2">
            <ButtonLink href={`/branch/${branch.id}/new`}>{t.roster.add}</ButtonLink>
            <ButtonLink href={`/branch/${branch.id}/import`} variant="secondary">
              {t.roster.import}
            </ButtonLink>
          </div>
        )}
        <ButtonLink href={`/branch/${branch.id}/transfers`} variant="secondary" className="w-full">
          {t.membership.transfers}
        </ButtonLink>
        <form className="flex gap-2" role="search">
          <label htmlFor="q" className="sr-only">
            {t.roster.search}
          </label>
          <input
            id="q"
            name="q"
            maxLength={ROSTER_QUERY_MAX}
            defaultValue={query.data.q}
            placeholder={t.roster.search}
            className="min-h-11 min-w-0 flex-1 rounded-lg border border-stone-500 bg-white px-3"
          />
          <button type="submit" className="min-h-11 rounded-lg bg-white px-4 ring-1 ring-stone-300">
            {t.roster.searchButton}
          </button>
        </form>
        <p className="text-sm text-stone-600">
          {t.roster.count(members.length)}
          {away > 0 && t.roster.awayCount(t.roster.away, away)}
        </p>
        <LinkList
          label={t.roster.title}
          empty={t.roster.noMembers}
          rows={members.map((m) => ({
            key: m.userId,
            href: `/branch/members/${m.userId}`,
            title: m.name,
            aside: <span className="font-mono text-sm text-stone-600">{m.phone}</span>,
            more: (
              <span className="mt-1 block">
                <MemberTags m={m} />
              </span>
            ),
          }))}
        />
      </main>
    </>
  );
}
