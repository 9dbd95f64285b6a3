import { FiledByTag, LateTag, LeaveStatusTag, MakeupTag } from "@/components/leave/leave-tags";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { leaveDetail } from "@/db/queries/leave-lists";
import { t } from "@/lib/messages";
import { type PageArgs, pageData, pageId } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";
import { formatFull } from "@/lib/time";
import { ConfirmForm, DecideForm, ReflectionForm, WithdrawForm } from "./leave-forms";

export const metadata = { title: t.leave.askTitle };

/**
 * One request, for everyone who may see it: the member (withdraw, make-up study) and whoever decides it
 * (approve or reject, confirm the make-up). What each sees follows from leaveDetail's flags.
 */
export default async function LeavePage({ params }: PageArgs<"leaveId">) {
  const { db, scope } = await pageContext();
  const leaveId = await pageId(params, "leaveId");
  const { row, activity, task, own, canWithdraw, canConfirm } = await pageData(leaveDetail(db, scope, leaveId));
  const back = own ? "/leave" : row.bySecretary && row.decidable ? "/admin/leave" : `/branch/${row.branchId}/leave`;

  return (
    <>
      <PageHeader title={own ? t.leave.mine : row.memberName} back={back} />
      <main className="space-y-4 p-4">
        <Card>
          <p className="flex flex-wrap items-center gap-2">
            <LeaveStatusTag status={row.status} activityStatus={row.activityStatus} />
            {row.late && <LateTag />}
            {row.makeup && <MakeupTag state={row.makeup} />}
            {row.filedByName && <FiledByTag name={row.filedByName} />}
          </p>
          <p className="mt-2 font-medium">{activity.title}</p>
          <p className="text-stone-700">{formatFull(activity.startsAt)}</p>
          <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
            {!own && (
              <>
                <dt className="text-stone-600">{t.common.name}</dt>
                <dd>{row.memberName}</dd>
              </>
            )}
            <dt className="text-stone-600">{t.leave.type}</dt>
            <dd>{t.leave.types[row.type]}</dd>
            <dt className="text-stone-600">{t.leave.reason}</dt>
            <dd className="whitespace-pre-line">{row.reason}</dd>
          </dl>
          {row.attachmentId && (
            <a
              href={`/api/v1/leave-requests/${row.id}/attachment`}
              target="_blank"
              rel="noopener"
              className="mt-1 inline-flex min-h-11 items-center text-brand underline"
            >
              {t.leave.viewAttachment}
            </a>
          )}
          <p className="mt-1 text-sm text-stone-600">{t.leave.filedAt(formatFull(row.createdAt))}</p>
          {!own && (
            <a
              href={`/branch/${row.branchId}/leave?view=decided&memberId=${row.memberId}`}
              className="inline-flex min-h-11 items-center text-sm text-brand underline"
            >
              {t.leave.memberHistory}
            </a>
          )}
          {canWithdraw && (
            <div className="mt-3">
              <WithdrawForm leaveId={row.id} />
            </div>
          )}
        </Card>

        {row.decidedAt && (
          <Card title={t.leave.decision}>
            <p className="flex items-center gap-2">
              <LeaveStatusTag status={row.status} activityStatus={row.activityStatus} />
              <span className="text-sm text-stone-600">
                {t.leave.decidedBy(row.deciderName ?? "", formatFull(row.decidedAt))}
              </span>
            </p>
            {row.comment && <p className="mt-2 whitespace-pre-line">{row.comment}</p>}
          </Card>
        )}

        {/* A confirmed make-up study settles the approval: reversing it is refused, so it is not offered. */}
        {row.decidable && row.status !== "withdrawn" && !task?.confirmedAt && (
          <Card title={row.status === "pending" ? t.leave.review : t.leave.changeDecision}>
            {row.bySecretary && <p className="mb-3 text-sm text-stone-600">{t.leave.byCommittee}</p>}
            <DecideForm leaveId={row.id} current={row.status} />
          </Card>
        )}
        {!own && !row.decidable && row.bySecretary && row.status === "pending" && (
          <p className="text-sm text-stone-600">{t.leave.byCommittee}</p>
        )}

        {task && (
          <Card title={t.leave.makeup.title} action={row.makeup && <MakeupTag state={row.makeup} />}>
            <p className="text-sm text-stone-700">{t.leave.makeup.due(formatFull(task.dueAt))}</p>
            {own && !task.confirmedAt && (
              <div className="mt-3 space-y-3">
                <section aria-label={t.leave.makeup.materials} className="rounded-lg bg-stone-50 p-3">
                  <h3 className="font-medium">{t.leave.makeup.materials}</h3>
                  <p className="mt-1 whitespace-pre-line text-stone-800">
                    {activity.materials || t.leave.makeup.noMaterials}
                  </p>
                  {activity.links.map((link) => (
                    <a
                      key={link.url}
                      href={link.url}
                      target="_blank"
                      rel="noopener noreferrer"
                      className="mt-1 flex min-h-11 items-center text-brand underline"
                    >
                      {link.title}
                    </a>
                  ))}
                </section>
                <ReflectionForm taskId={task.id} reflection={task.reflection} />
              </div>
            )}
            {(!own || task.confirmedAt) && task.reflection && (
              <blockquote className="mt-3 whitespace-pre-line rounded-lg bg-stone-50 p-3 text-stone-800">
                {task.reflection}
              </blockquote>
            )}
            {!own && !task.submittedAt && <p className="mt-2 text-stone-600">{t.leave.makeup.notSubmitted}</p>}
            {canConfirm && (
              <div className="mt-3">
                <ConfirmForm taskId={task.id} />
              </div>
            )}
          </Card>
        )}
      </main>
    </>
  );
}
