import { randomUUID } from "node:crypto";
import { and, asc, eq, ne, notExists, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { createMeeting, markStep } from "@/db/queries/activity-run";
import { fileAwayReport, startAway } from "@/db/queries/away";
import { disputeCheckin } from "@/db/queries/checkin-review";
import { proxyCheckIn } from "@/db/queries/checkins";
import { decideReport, fileReport } from "@/db/queries/community";
import { declareBase, recordPayment } from "@/db/queries/dues-ledger";
import { sendFeedback } from "@/db/queries/feedback";
import { decideLeave, fileLeave } from "@/db/queries/leave";
import { submitReflection } from "@/db/queries/makeup";
import { publishPlan } from "@/db/queries/plans";
import { appealEntry } from "@/db/queries/point-views";
import { manualEntry } from "@/db/queries/points";
import { requestCorrection } from "@/db/queries/privacy";
import { requestChange } from "@/db/queries/schedule-changes";
import { createServiceActivity } from "@/db/queries/service-activities";
import { loadSessionUser } from "@/db/queries/session";
import { startTransfer } from "@/db/queries/transfers";
import { recordHours } from "@/db/queries/volunteer-hours";
import { activities, activitySteps, notices, scheduleChanges } from "@/db/schema/activities";
import { checkinDisputes, checkins } from "@/db/schema/checkins";
import { communityReports } from "@/db/schema/community";
import { makeupTasks } from "@/db/schema/leave";
import { orgNodes } from "@/db/schema/org";
import { pointAppeals, pointEntries } from "@/db/schema/points";
import { reviewRounds, reviewSubjects } from "@/db/schema/reviews";
import { members, roleGrants, users } from "@/db/schema/users";
import { demoCounty as demoNames } from "@/db/seed";
import { shanghaiDate } from "@/lib/community";
import type { Scope } from "@/lib/scope";
import { monthOf, toLocalInput } from "@/lib/time";
import { demoCounty, phones } from "./county";

/**
 * Where an object lies, seen from the demo accounts (home branch 城关镇东街社区党支部, home grid 东街社区第一网格):
 * another branch of the same committee, a branch of another committee, another grid of the same community,
 * a grid of another community, or the county itself (plans, which only the county admin may touch).
 */
export type Where = "branch" | "committee" | "grid" | "community" | "county";

/** Everything a branch holds that an endpoint can name: one set in another branch, one in another committee. */
export interface BranchObjects {
  branchId: number;
  committeeId: number;
  secretaryGrantId: number;
  activityId: number;
  stepId: number;
  uploadId: number;
  /** Pending, with an attachment. */
  leaveId: number;
  /** Its member's own: for withdraw, appeal, notices. */
  memberId: number;
  /** Not activated yet: the target of an activation code. */
  inactiveMemberId: number;
  /** Submitted, waiting for the secretary. */
  makeupTaskId: number;
  checkinId: number;
  /** The proxy check-in's member disputes it. */
  disputeId: number;
  changeId: number;
  noticeId: number;
  pointEntryId: number;
  /** The owner's appeal against that entry, waiting for the secretary. */
  appealId: number;
  /** The branch's 民主评议 round, taking ballots, and the owner's place on its list. */
  reviewRoundId: number;
  reviewSubjectId: number;
  /** A dues payment of the owner's, standing. */
  duesEntryId: number;
  /** A pending transfer of one of its members to a branch of yet another committee. */
  transferId: number;
  /** A member away, and the theme day they reported joining where they are, waiting for the secretary. */
  awayMemberId: number;
  awayReportId: number;
  /** The owner's request to correct their record, open. */
  correctionId: number;
}

/** Everything a grid holds: one set in another grid of the home community, one in another community. */
export interface GridObjects {
  gridId: number;
  communityId: number;
  workerGrantId: number;
  pendingReportId: number;
  /** Reported to this grid and confirmed. */
  memberId: number;
  serviceActivityId: number;
  pendingHoursId: number;
  confirmedHoursId: number;
}

export type County = Awaited<ReturnType<typeof demoCounty>>;

export const png = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);
const DAY = 86_400_000;

export async function rosterFile(
  branchRow: string[] = ["李四", "13911112222", "男", "正式党员", "在家", "在职", "2012-07-01"],
): Promise<File> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("花名册");
  sheet.addRow(["姓名", "手机号", "性别", "党员类别", "流动状态", "在职状态", "入党日期"]);
  sheet.addRow(branchRow);
  return new File([await workbook.xlsx.writeBuffer()], "roster.xlsx");
}

/**
 * The demo county plus, in two foreign branches and two foreign grids, one live object of every kind an
 * endpoint can name, each in the state in which its endpoint would act on it (pending, submitted, open), so
 * that a refusal can only come from scope. Made through the same queries the app uses.
 */
export async function foreignCounty() {
  const county = await demoCounty();
  const { db } = county;
  const scope = async (userId: number): Promise<Scope> => (await loadSessionUser(db, userId))!.scope;
  const countyAdmin = await county.scopeOf(phones.countyAdmin);

  const startsAt = new Date(Math.ceil((Date.now() + 3 * DAY) / 3_600_000) * 3_600_000);
  const { planId } = await publishPlan(db, countyAdmin, {
    title: "权限矩阵测试主题党日",
    startsAt,
    durationMinutes: 120,
    materials: "",
    links: [],
    items: [{ title: "集中学习", mandatory: false }],
  });

  const branchNode = async (secretaryPhone: string) => {
    const secretary = await county.scopeOf(secretaryPhone);
    const grant = secretary.grants.find((g) => g.role === "secretary")!;
    const [node] = await db.select().from(orgNodes).where(eq(orgNodes.id, grant.nodeId));
    const [g] = await db
      .select({ id: roleGrants.id })
      .from(roleGrants)
      .where(and(eq(roleGrants.userId, secretary.userId), eq(roleGrants.role, "secretary")));
    return { secretary, node, grantId: g.id };
  };

  async function branchObjects(secretaryPhone: string): Promise<BranchObjects> {
    const { secretary, node, grantId } = await branchNode(secretaryPhone);
    const [activity] = await db
      .select()
      .from(activities)
      .where(and(eq(activities.planId, planId), eq(activities.branchId, node.id)));
    const steps = await db
      .select()
      .from(activitySteps)
      .where(eq(activitySteps.activityId, activity.id))
      .orderBy(asc(activitySteps.position));
    const people = await db
      .select({ userId: members.userId, activated: sql<boolean>`${users.passwordHash} is not null` })
      .from(members)
      .innerJoin(users, eq(users.id, members.userId))
      .where(
        and(
          eq(members.branchId, node.id),
          eq(members.presence, "home"),
          eq(members.active, true),
          ne(members.userId, secretary.userId),
        ),
      )
      .orderBy(members.userId);
    const [owner, excused, scanned] = people;
    const inactive = people.find((p) => !p.activated && ![owner, excused, scanned].includes(p))!;

    await markStep(
      db,
      secretary,
      { stepId: steps[0].id, done: true, note: "已学习", photo: { mime: "image/png", bytes: png } },
      new Date(startsAt.getTime() + 600_000),
    );
    const [step] = await db.select().from(activitySteps).where(eq(activitySteps.id, steps[0].id));

    const leave = await fileLeave(db, await scope(owner.userId), {
      clientId: randomUUID(),
      activityId: activity.id,
      type: "sick",
      reason: "住院治疗",
      late: false,
      attachment: { mime: "image/png", bytes: png },
    });
    const excusedScope = await scope(excused.userId);
    const approved = await fileLeave(db, excusedScope, {
      clientId: randomUUID(),
      activityId: activity.id,
      type: "official",
      reason: "外出培训",
      late: false,
    });
    await decideLeave(db, secretary, { leaveId: approved.id, decision: "approve", comment: "" });
    const [task] = await db.select().from(makeupTasks).where(eq(makeupTasks.leaveId, approved.id));
    await submitReflection(db, excusedScope, {
      taskId: task.id,
      reflection: "认真学习了本次主题党日的全部材料，体会很深。".repeat(3),
    });

    await proxyCheckIn(
      db,
      secretary,
      { activityId: activity.id, memberId: scanned.userId, reason: "手机没电" },
      startsAt,
    );
    const [checkin] = await db
      .select()
      .from(checkins)
      .where(and(eq(checkins.activityId, activity.id), eq(checkins.memberId, scanned.userId)));
    await disputeCheckin(db, await scope(scanned.userId), { checkinId: checkin.id, reason: "当天我不在" });
    const [dispute] = await db.select().from(checkinDisputes).where(eq(checkinDisputes.checkinId, checkin.id));

    await requestChange(db, secretary, {
      activityId: activity.id,
      toStartsAt: new Date(startsAt.getTime() + DAY),
      reason: "村里秋收",
    });
    const [{ id: changeId }] = await db
      .select({ id: scheduleChanges.id })
      .from(scheduleChanges)
      .where(eq(scheduleChanges.activityId, activity.id));
    const [notice] = await db.select().from(notices).where(eq(notices.userId, owner.userId)).orderBy(asc(notices.id));
    await manualEntry(db, countyAdmin, { memberId: owner.userId, points: 2, reason: "协助组织活动" });
    const [entry] = await db
      .select()
      .from(pointEntries)
      .where(eq(pointEntries.memberId, owner.userId))
      .orderBy(asc(pointEntries.id));
    await appealEntry(db, await scope(owner.userId), { entryId: entry.id, reason: "这次活动我没有参加" });
    const [appeal] = await db.select().from(pointAppeals).where(eq(pointAppeals.entryId, entry.id));

    const review = await createMeeting(db, secretary, {
      branchId: node.id,
      type: "member_review",
      title: "民主评议党员",
      startsAt: new Date(startsAt.getTime() + 2 * DAY),
      durationMinutes: 120,
      links: [],
    });
    const [round] = await db.select().from(reviewRounds).where(eq(reviewRounds.activityId, review.activityId));
    const [subject] = await db
      .select()
      .from(reviewSubjects)
      .where(and(eq(reviewSubjects.roundId, round.id), eq(reviewSubjects.memberId, owner.userId)));
    const month = monthOf(new Date());
    await declareBase(db, countyAdmin, {
      memberId: owner.userId,
      kind: "in_work",
      fromMonth: month,
      baseFen: 3_000_00,
    });
    const {
      entryIds: [duesEntryId],
    } = await recordPayment(db, countyAdmin, {
      clientId: randomUUID(),
      memberId: owner.userId,
      fromMonth: month,
      months: 1,
    });

    // Somewhere under neither the home committee nor this branch's: the transfer's other end is foreign too.
    const [homeBranch] = await db.select().from(orgNodes).where(eq(orgNodes.id, county.homeBranchId));
    const [elsewhere] = await db
      .select()
      .from(orgNodes)
      .where(
        and(
          eq(orgNodes.kind, "branch"),
          ne(orgNodes.parentId, homeBranch.parentId!),
          ne(orgNodes.parentId, node.parentId!),
        ),
      )
      .orderBy(orgNodes.id);
    const transfer = await startTransfer(db, countyAdmin, {
      memberId: excused.userId,
      toBranchId: elsewhere.id,
      reason: "工作调动",
    });
    const away = people.find((p) => p.activated && ![owner, excused, scanned, inactive].includes(p))!;
    await startAway(db, countyAdmin, {
      memberId: away.userId,
      place: "广东省深圳市",
      until: shanghaiDate(new Date(Date.now() + 60 * DAY)),
    });
    // Reported once the theme day has started (the server's clock: here, an hour after its start).
    const report = await fileAwayReport(
      db,
      await scope(away.userId),
      { activityId: activity.id, note: "在深圳参加流动党员党支部主题党日" },
      new Date(activity.startsAt.getTime() + 3600_000),
    );
    const correction = await requestCorrection(db, await scope(owner.userId), { body: "出生日期有误" });

    return {
      transferId: transfer.id,
      awayMemberId: away.userId,
      awayReportId: report.id,
      correctionId: correction.id,
      reviewRoundId: round.id,
      reviewSubjectId: subject.id,
      branchId: node.id,
      committeeId: node.parentId!,
      secretaryGrantId: grantId,
      activityId: activity.id,
      stepId: steps[1]?.id ?? steps[0].id,
      uploadId: step.evidenceId!,
      leaveId: leave.id,
      memberId: owner.userId,
      inactiveMemberId: inactive.userId,
      makeupTaskId: task.id,
      checkinId: checkin.id,
      disputeId: dispute.id,
      changeId,
      noticeId: notice.id,
      pointEntryId: entry.id,
      appealId: appeal.id,
      duesEntryId,
    };
  }

  // In-office members of branches other than the home one, with no community report yet.
  const reporters = await db
    .select({ userId: members.userId })
    .from(members)
    .where(
      and(
        ne(members.branchId, county.homeBranchId),
        eq(members.employment, "in_office"),
        eq(members.active, true),
        notExists(db.select().from(communityReports).where(eq(communityReports.memberId, members.userId))),
        notExists(db.select().from(roleGrants).where(eq(roleGrants.userId, members.userId))),
      ),
    )
    .orderBy(members.userId);
  let nextReporter = 0;
  const today = shanghaiDate(new Date());

  async function gridObjects(gridName: string, workerPhone: string): Promise<GridObjects> {
    const [grid] = await db.select().from(orgNodes).where(eq(orgNodes.name, gridName));
    const [worker] = await db.insert(users).values({ name: "网格员", phone: workerPhone }).returning();
    const [grant] = await db
      .insert(roleGrants)
      .values({ userId: worker.id, role: "grid_worker", nodeId: grid.id })
      .returning();
    const workerScope = await scope(worker.id);
    const [confirmed, pending] = [reporters[nextReporter++], reporters[nextReporter++]];
    const confirmedScope = await scope(confirmed.userId);
    const report = await fileReport(db, confirmedScope, { gridId: grid.id, postIds: [], note: undefined });
    await decideReport(db, workerScope, { reportId: report.id, decision: "confirm", comment: "" });
    const pendingReport = await fileReport(db, await scope(pending.userId), {
      gridId: grid.id,
      postIds: [],
      note: undefined,
    });
    const sa = await createServiceActivity(db, workerScope, {
      nodeId: grid.id,
      title: "清扫楼道",
      place: "3 号楼",
      startsAt: new Date(Date.now() + 5 * DAY),
      minutes: 60,
      capacity: 10,
    });
    const own = await recordHours(db, confirmedScope, {
      clientId: randomUUID(),
      servedOn: today,
      hours: 2,
      description: "看望独居老人",
    });
    const logged = await recordHours(db, workerScope, {
      clientId: randomUUID(),
      memberId: confirmed.userId,
      servedOn: today,
      hours: 3,
      description: "政策宣传",
    });
    return {
      gridId: grid.id,
      communityId: grid.parentId!,
      workerGrantId: grant.id,
      pendingReportId: pendingReport.id,
      memberId: confirmed.userId,
      serviceActivityId: sa.id,
      pendingHoursId: own.id,
      confirmedHoursId: logged.id,
    };
  }

  const [committee2Secretary] = await db
    .select({ phone: users.phone })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .innerJoin(orgNodes, eq(orgNodes.id, roleGrants.nodeId))
    .where(
      and(
        eq(roleGrants.role, "secretary"),
        sql`${orgNodes.parentId} <> (select parent_id from org_nodes where id = ${county.homeBranchId})`,
      ),
    )
    .orderBy(roleGrants.id);
  const [siblingGrid] = await db
    .select({ name: orgNodes.name })
    .from(orgNodes)
    .where(
      and(
        eq(orgNodes.kind, "grid"),
        sql`${orgNodes.parentId} = (select parent_id from org_nodes where name = ${demoNames.firstGrid})`,
        ne(orgNodes.name, demoNames.firstGrid),
      ),
    )
    .orderBy(orgNodes.id);
  const [farGrid] = await db
    .select({ name: orgNodes.name })
    .from(orgNodes)
    .where(
      and(
        eq(orgNodes.kind, "grid"),
        sql`${orgNodes.parentId} <> (select parent_id from org_nodes where name = ${demoNames.firstGrid})`,
      ),
    )
    .orderBy(orgNodes.id);

  const branches: Record<"branch" | "committee", BranchObjects> = {
    branch: await branchObjects("13800000011"),
    committee: await branchObjects(committee2Secretary.phone),
  };
  const grids: Record<"grid" | "community", GridObjects> = {
    grid: await gridObjects(siblingGrid.name, "13800000091"),
    community: await gridObjects(farGrid.name, "13800000092"),
  };
  const [root] = await db.select().from(orgNodes).where(eq(orgNodes.kind, "county"));
  // A complaint about a branch: the county's to answer, nobody else's.
  const feedback = await sendFeedback(db, await scope(branches.branch.memberId), {
    kind: "complaint",
    subject: "branch",
    branchId: branches.branch.branchId,
    body: "支部通知太晚",
    anonymous: false,
  });
  return {
    ...county,
    countyId: root.id,
    feedbackId: feedback.id,
    planId,
    planStartsAt: startsAt,
    localStart: toLocalInput(startsAt),
    branches,
    grids,
  };
}

export type ForeignCounty = Awaited<ReturnType<typeof foreignCounty>>;
