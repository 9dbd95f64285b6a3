import Link from "next/link";
import { ReadAloud } from "@/components/read-aloud";
import { EmptyState, Tag } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listMyNotices, unreadCount } from "@/db/queries/notices";
import { t } from "@/lib/messages";
import { canReadRoster } from "@/lib/permissions";
import type { Scope } from "@/lib/scope";
import { holdsRole } from "@/lib/scope-paths";
import { isElderMode } from "@/lib/server/elder-mode";
import { pageContext } from "@/lib/server/session";
import { formatWhen } from "@/lib/time";
import { id } from "@/lib/validation/fields";
import { MarkAllReadForm, NoticeLink } from "./notice-forms";

export const metadata = { title: t.notices.title };

type Notice = Awaited<ReturnType<typeof listMyNotices>>["notices"][number];

/** Announcements are for members; requests and decisions (schedule changes, leave) are the managers' work. */
const forMembers = new Set<Notice["kind"]>(["activity", "reminder", "plan_revision", "place_change"]);

/**
 * Where a notice leads: a member opens their branch's activity; a secretary or admin opens their own view
 * of it. A secretary is usually also a member, so the kind decides which of the two views they get.
 */
function hrefOf(scope: Scope, notice: Notice): string | null {
  // Community notices carry no activity: a grid worker is told of work waiting, a member of an answer.
  if (notice.kind === "community") return holdsRole(scope, ["grid_worker"]) ? "/grid" : "/community";
  // Appeals go to secretaries, answers to members.
  if (notice.kind === "points") return holdsRole(scope, ["secretary"]) ? "/branch" : "/points";
  // A dues reminder goes to the member's own dues.
  if (notice.kind === "dues") return "/me/dues";
  if (!notice.activityId || !notice.branchPath) return null;
  // A dispute is settled in the branch's list of open disputes, by whoever manages the branch.
  if (notice.kind === "dispute")
    return canReadRoster(scope, notice.branchPath)
      ? `/branch/${notice.branchId}/disputes`
      : `/activities/${notice.activityId}`;
  const member = scope.member?.branchPath === notice.branchPath;
  const manages = canReadRoster(scope, notice.branchPath);
  if (member && (forMembers.has(notice.kind) || !manages)) return `/activities/${notice.activityId}`;
  return manages ? `/branch/activities/${notice.activityId}` : null;
}

export default async function NoticesPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  const { db, scope } = await pageContext();
  const before = id.safeParse((await searchParams).before);
  const [{ notices, more }, unread, elder] = await Promise.all([
    listMyNotices(db, scope, { before: before.success ? before.data : undefined }),
    unreadCount(db, scope),
    isElderMode(),
  ]);

  return (
    <>
      <PageHeader title={t.notices.title} back="/" />
      <main className="space-y-4 p-4">
        {unread > 0 && <MarkAllReadForm />}
        {notices.length === 0 ? (
          <EmptyState>{t.notices.empty}</EmptyState>
        ) : (
          <ul className="divide-y divide-stone-100 overflow-hidden rounded-xl bg-white" aria-label={t.notices.title}>
            {notices.map((n) => {
              const href = hrefOf(scope, n);
              const body = <NoticeBody notice={n} />;
              const style = `block px-4 py-3 ${n.readAt ? "" : "border-l-4 border-brand bg-brand-soft"}`;
              return (
                <li key={n.id}>
                  {href ? (
                    <NoticeLink noticeId={n.id} href={href} unread={!n.readAt} className={style}>
                      {body}
                    </NoticeLink>
                  ) : (
                    <div className={style}>{body}</div>
                  )}
                  {elder && (
                    <div className="px-4 pb-3">
                      <ReadAloud text={[n.title, n.body].filter(Boolean).join("。")} label={n.title} />
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        )}
        {more && (
          <Link
            href={`/notices?before=${notices[notices.length - 1].id}`}
            className="flex min-h-11 items-center justify-center text-brand underline"
          >
            {t.notices.more}
          </Link>
        )}
      </main>
    </>
  );
}

function NoticeBody({ notice }: { notice: Notice }) {
  const unread = !notice.readAt;
  return (
    <>
      <span className="flex items-center justify-between gap-2">
        <span className={unread ? "font-semibold" : "font-medium text-stone-700"}>{notice.title}</span>
        {unread && (
          <span className="shrink-0">
            <Tag tone="red">{t.notices.unread}</Tag>
          </span>
        )}
      </span>
      {notice.body && <span className="mt-1 block text-sm text-stone-700">{notice.body}</span>}
      <span className="mt-1 flex items-center gap-2 text-xs text-stone-600">
        <Tag>{t.notices.kind[notice.kind]}</Tag>
        {formatWhen(notice.createdAt)}
      </span>
    </>
  );
}
