import Link from "next/link";
import { BarChart } from "@/components/bar-chart";
import { DashboardCard } from "@/components/dashboard-card";
import { NoticeBell } from "@/components/notice-bell";
import { Tag } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { countyDashboard } from "@/db/queries/dashboard";
import { unreadCount } from "@/db/queries/notices";
import { listTree } from "@/db/queries/org";
import { t } from "@/lib/messages";
import { canReadAudit, isCountyAdmin } from "@/lib/permissions";
import { percent } from "@/lib/points";
import { holdsRole, REVIEWER_ROLES } from "@/lib/scope-paths";
import { pageData } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";
import { monthOf } from "@/lib/time";

export const metadata = { title: t.nav.admin };

/** The org tree the admin reaches, indented by depth; each node opens its page. */
export default async function AdminPage() {
  const { db, scope } = await pageContext();
  const month = monthOf(new Date());
  const staff = holdsRole(scope, REVIEWER_ROLES);
  const [nodes, today, unread] = await pageData(
    Promise.all([listTree(db, scope), staff ? countyDashboard(db, scope, month) : null, unreadCount(db, scope)]),
  );
  const top = Math.min(...nodes.map(depth));
  return (
    <>
      <PageHeader title={t.org.title} action={<NoticeBell unread={unread} />} />
      <main className="space-y-3 p-4">
        {today && (
          <DashboardCard month={month} figures={today}>
            <details className="mt-3">
              <summary className="min-h-11 cursor-pointer py-2 text-brand">{t.dashboard.byBranch}</summary>
              <BarChart
                label={t.dashboard.byBranch}
                bars={today.rows.map((r) => ({
                  name: r.branchName,
                  value: r.attendanceRate,
                  text: percent(r.attendanceRate),
                }))}
              />
            </details>
          </DashboardCard>
        )}
        <ul className="divide-y divide-stone-100 rounded-xl bg-white" aria-label={t.dashboard.work}>
          {[
            ...(isCountyAdmin(scope)
              ? [
                  { href: "/admin/plans", label: t.plans.list },
                  { href: "/admin/compliance", label: t.compliance.title },
                  { href: "/admin/feedback", label: t.feedback.countyTitle },
                  { href: "/admin/reach", label: t.reach.settings.link },
                ]
              : []),
            ...(holdsRole(scope, REVIEWER_ROLES)
              ? [
                  { href: "/admin/schedule-changes", label: t.scheduleChange.list },
                  { href: "/admin/points", label: t.points.bulletin },
                  { href: "/admin/dues", label: t.dues.rollupTitle },
                  { href: "/admin/assessment", label: t.assessment.title },
                  { href: "/admin/community", label: t.community.feedback },
                  { href: "/admin/records", label: t.records.title },
                  { href: "/admin/transfers", label: t.membership.transfers },
                ]
              : []),
            ...(holdsRole(scope, ["committee_admin"]) ? [{ href: "/admin/leave", label: t.leave.committeeTitle }] : []),
            ...(canReadAudit(scope) ? [{ href: "/admin/audit", label: t.audit.title }] : []),
          ].map((link) => (
            <li key={link.href}>
              <Link href={link.href} className="flex min-h-12 items-center justify-between px-4">
                {link.label} <span aria-hidden>›</span>
              </Link>
            </li>
          ))}
        </ul>
        <ul className="divide-y divide-stone-100 rounded-xl bg-white" aria-label={t.org.title}>
          {nodes.map((n) => (
            <li key={n.id}>
              <Link
                href={`/admin/org/${n.id}`}
                className="flex min-h-12 items-center gap-2 py-2 pr-4"
                style={{ paddingLeft: `${1 + (depth(n) - top) * 1.25}rem` }}
              >
                <span className="flex-1">{n.name}</span>
                <Tag
                  tone={n.kind === "branch" ? "red" : n.kind === "community" || n.kind === "grid" ? "blue" : "stone"}
                >
                  {n.retiredCadre ? t.org.retiredCadre : t.orgKind[n.kind]}
                </Tag>
              </Link>
            </li>
          ))}
        </ul>
      </main>
    </>
  );
}

const depth = (n: { path: string }) => n.path.split("/").length;
