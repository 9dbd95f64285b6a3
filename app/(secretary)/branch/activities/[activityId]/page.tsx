import Link from "next/link";
import { NoticeStatus } from "@/components/notice-status";
import { PhaseTag } from "@/components/phase-tag";
import { ReachList } from "@/components/reach-list";
import { ButtonLink, DownloadLink } from "@/components/ui/button";
import { Card, Tag } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { activityForSecretary } from "@/db/queries/activity-run";
import { readStatus } from "@/db/queries/notices";
import { activityReach } from "@/db/queries/reach";
import { OFFLINE_GRACE_MINUTES } from "@/lib/checkin-token";
import { OPENS_BEFORE_MS } from "@/lib/checkin-window";
import { t } from "@/lib/messages";
import { canFileLeaveFor } from "@/lib/permissions";
import { type PageArgs, pageData, pageId } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";
import { smsOn } from "@/lib/server/sms";
import { formatFull, formatWhen, monthOf } from "@/lib/time";
import { PlaceForm } from "./place-form";
import { CloseForm, RosterItem, StepItem } from "./run-forms";

export default async function RunActivityPage({ params }: PageArgs<"activityId">) {
  const { db, scope } = await pageContext();
  const activityId = await pageId(params, "activityId");
  const now = new Date();
  const { activity, phase, steps, roster, canManage } = await pageData(
    activityForSecretary(db, scope, activityId, now),
  );
  const notices = await readStatus(db, scope, activity.id);
  const reach = await activityReach(db, scope, activity.id);
  const phonedAt = Object.fromEntries(
    reach.members.filter((r) => r.phoned).map((r) => [r.memberId, formatWhen(r.phoned!.notedAt)]),
  );
  const open = activity.status === "scheduled";
  // Proxy entries and agenda steps open with the check-in window, before the start (the phase is still 待开展).
  const recording = open && now.getTime() >= activity.startsAt.getTime() - OPENS_BEFORE_MS;
  const expected = roster.filter((r) => r.expected);
  const away = roster.filter((r) => !r.expected);
  const count = (o: string) => expected.filter((r) => r.outcome === o).length;
  const openMandatory = steps.filter((s) => s.mandatory && !s.doneAt);
  const pendingOffline = roster.filter((r) => r.review === "pending").map((r) => r.name);
  const disputed = roster.filter((r) => r.dispute === "open").map((r) => r.name);
  const collectsDues = steps.some((s) => s.kind === "dues");
  const canFileLeave = open && canFileLeaveFor(scope, activity.branchPath);

  return (
    <>
      <PageHeader title={activity.title} back={`/branch/${activity.branchId}/activities`} />
      <main className="space-y-4 p-4">
        <Card>
          <p className="flex flex-wrap items-center gap-2">
            <Tag tone={activity.type === "theme_day" ? "red" : "blue"}>{t.activityType[activity.type]}</Tag>
            <PhaseTag phase={phase} />
          </p>
          <p className="mt-2 text-lg font-medium">{formatFull(activity.startsAt)}</p>
          <p className="text-stone-700">
            {t.common.minutes(activity.durationMinutes)}
            {activity.place && ` · ${activity.place}`} · {activity.branchName}
          </p>
          {canManage && open && (
            <ButtonLink href={`/branch/activities/${activity.id}/checkin`} className="mt-3 w-full">
              {t.checkin.screen}
            </ButtonLink>
          )}
          {canManage && open && (
            <div className="mt-3 grid grid-cols-2 gap-2">
              <ButtonLink href={`/branch/activities/${activity.id}/sheet`} variant="secondary">
                {t.assist.sheet}
              </ButtonLink>
              {recording && (
                <ButtonLink href={`/branch/activities/${activity.id}/paper`} variant="secondary">
                  {t.assist.enter}
                </ButtonLink>
              )}
            </div>
          )}
          {activity.type === "member_review" && (
            <ButtonLink href={`/branch/activities/${activity.id}/review`} className="mt-3 w-full">
              {t.review.round}
            </ButtonLink>
          )}
          {canManage && open && (
            <ButtonLink href={`/branch/activities/${activity.id}/notice`} variant="secondary" className="mt-3 w-full">
              {t.printNotice.link}
            </ButtonLink>
          )}
          {canManage && open && activity.type === "theme_day" && now < activity.startsAt && (
            <ButtonLink
              href={`/branch/activities/${activity.id}/reschedule`}
              variant="secondary"
              className="mt-3 w-full"
            >
              {t.run.reschedule}
            </ButtonLink>
          )}
        </Card>

        {canManage && open && (
          <Card>
            <PlaceForm activityId={activity.id} place={activity.place} />
          </Card>
        )}

        {open && <NoticeStatus status={notices} activityId={activity.id} />}
        {open && <ReachList status={reach} smsOn={smsOn()} phonedAt={phonedAt} />}

        <Card title={t.run.agenda}>
          {steps.length === 0 ? (
            <p className="text-stone-600">{t.run.noFixedAgenda}</p>
          ) : (
            <ol className="divide-y divide-stone-100">
              {steps.map((s) => (
                <StepItem
                  key={s.id}
                  step={{
                    id: s.id,
                    title: s.title,
                    mandatory: s.mandatory,
                    done: Boolean(s.doneAt),
                    note: s.note,
                    evidenceId: s.evidenceId,
                  }}
                  editable={canManage && recording}
                />
              ))}
            </ol>
          )}
          {canManage && open && !recording && <p className="mt-2 text-sm text-stone-600">{t.run.notStarted}</p>}
        </Card>

        <Card title={`${t.run.roster}（${t.run.expected} ${expected.length}）`}>
          <p className="mb-2 text-sm text-stone-700">
            {t.run.present} {count("present")} · {t.run.late} {count("late")} · {t.run.leave} {count("leave")} ·{" "}
            {open
              ? `${t.run.notYet} ${expected.filter((r) => !r.outcome).length}`
              : `${t.run.absent} ${count("absent")}`}
          </p>
          {open && <p className="mb-2 text-sm text-stone-600">{t.checkinReview.offlineRule(OFFLINE_GRACE_MINUTES)}</p>}
          <ul className="divide-y divide-stone-100">
            {expected.map((r) => (
              <RosterItem
                key={r.memberId}
                row={r}
                activityId={activity.id}
                editable={canManage && recording}
                collectsDues={collectsDues}
                canFileLeave={canFileLeave}
              />
            ))}
          </ul>
          {collectsDues && (
            <ButtonLink
              href={`/branch/${activity.branchId}/dues?month=${monthOf(activity.startsAt)}`}
              variant="secondary"
              className="mt-3 w-full"
            >
              {t.dues.sheetTitle}
            </ButtonLink>
          )}
          {away.length > 0 && (
            <details className="mt-3">
              <summary className="min-h-11 cursor-pointer py-2 text-stone-700">
                {t.run.awayList}：{t.run.people(away.length)}
              </summary>
              <p className="text-sm text-stone-600">{away.map((r) => r.name).join("、")}</p>
            </details>
          )}
        </Card>

        {!open && (
          <ButtonLink href={`/branch/activities/${activity.id}/minutes`} className="w-full">
            {t.minutes.open}
          </ButtonLink>
        )}
        <ButtonLink
          href={`/branch/${activity.branchId}/leave?activityId=${activity.id}`}
          variant="secondary"
          className="w-full"
        >
          {t.leave.forActivity}
        </ButtonLink>
        <DownloadLink href={`/api/v1/activities/${activity.id}/attendance/export`}>
          {t.checkinReview.export}
        </DownloadLink>

        {canManage && open && (
          <Card title={t.run.close}>
            {openMandatory.length > 0 && (
              <p className="mb-3 text-amber-800">{t.run.openSteps(openMandatory.map((s) => s.title))}</p>
            )}
            {pendingOffline.length > 0 && (
              <p className="mb-3 text-amber-800">{t.checkinReview.unreviewedOffline(pendingOffline)}</p>
            )}
            {disputed.length > 0 && (
              <p className="mb-3 text-amber-800">
                {t.checkinReview.openDisputes(disputed)}{" "}
                <Link
                  href={`/branch/${activity.branchId}/disputes`}
                  className="inline-block min-h-11 py-2 text-brand underline"
                >
                  {t.checkinReview.disputes}
                </Link>
              </p>
            )}
            {now < activity.startsAt ? (
              <p className="text-stone-600">{t.run.cannotCloseBeforeStart}</p>
            ) : (
              <CloseForm activityId={activity.id} />
            )}
          </Card>
        )}
      </main>
    </>
  );
}
