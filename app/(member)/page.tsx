import Link from "next/link";
import { redirect } from "next/navigation";
import { ElderHome } from "@/components/elder-home";
import { MemberTags } from "@/components/member-tags";
import { NextActivityCard } from "@/components/next-activity-card";
import { NoticeBell } from "@/components/notice-bell";
import { Card, Tag } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { myCheckin } from "@/db/queries/checkins";
import { myOpenMakeup } from "@/db/queries/makeup";
import { unreadCount } from "@/db/queries/notices";
import { getMember } from "@/db/queries/roster";
import { t } from "@/lib/messages";
import { homePath } from "@/lib/permissions";
import { branchNextActivity } from "@/lib/server/branch-copies";
import { isElderMode } from "@/lib/server/elder-mode";
import { pageContext } from "@/lib/server/session";
import { formatWhen } from "@/lib/time";

export default async function HomePage() {
  const { db, scope, user } = await pageContext();
  if (!scope.member) redirect(homePath(scope));
  const [me, next, unread, elder, makeup] = await Promise.all([
    getMember(db, scope, user.id),
    branchNextActivity(db, scope),
    unreadCount(db, scope),
    isElderMode(),
    myOpenMakeup(db, scope),
  ]);
  if (elder) {
    const checkin = next ? await myCheckin(db, scope, next.id) : null;
    return (
      <>
        <PageHeader title={t.home.greeting(me.name)} action={<NoticeBell unread={unread} />} />
        <ElderHome next={next} checkin={checkin} />
      </>
    );
  }
  return (
    <>
      <PageHeader title={t.app.name} action={<NoticeBell unread={unread} />} />
      <main className="space-y-4 p-4">
        <Card>
          <p className="text-xl font-semibold">{t.home.greeting(me.name)}</p>
          <p className="mt-1 text-stone-700">
            {t.home.myBranch}：{me.branchName}
          </p>
          <div className="mt-2">
            <MemberTags m={me} />
          </div>
        </Card>
        {makeup.length > 0 && (
          <Card title={t.home.makeup}>
            <ul className="space-y-2" aria-label={t.home.makeup}>
              {makeup.map((task) => (
                <li key={task.id} className="flex flex-wrap items-center gap-2">
                  <Link
                    href={`/leave/${task.leaveId}`}
                    className="inline-flex min-h-11 items-center font-medium text-brand underline"
                  >
                    {t.home.makeupOpen(task.title)}
                  </Link>
                  <Tag tone={task.state === "overdue" ? "red" : "blue"}>{t.leave.makeup.state[task.state]}</Tag>
                  <span className="text-sm text-stone-700">{t.leave.makeup.due(formatWhen(task.dueAt))}</span>
                </li>
              ))}
            </ul>
          </Card>
        )}
        <NextActivityCard next={next} />
      </main>
    </>
  );
}
