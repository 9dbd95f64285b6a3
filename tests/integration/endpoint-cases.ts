import { randomUUID } from "node:crypto";
import { shanghaiDate } from "@/lib/community";
import { RULE_CODES } from "@/lib/points";
import { toLocalInput } from "@/lib/time";
import { type BranchObjects, type ForeignCounty, type GridObjects, rosterFile } from "./foreign-objects";

type Input = unknown;
export type Many = Input | Input[] | Promise<Input | Input[]>;

/**
 * How each endpoint is pointed at a foreign object. `branch` is tried against an object of another branch
 * of the home committee and of a branch of another committee; `grid` against another grid of the home
 * community and a grid of another community; `county` against the county's own objects (plans, the root).
 * `personal` objects belong to one member (their leave, their check-in): everyone else is refused, admins
 * above them included. `self` endpoints name no object but the caller's own, and say so.
 */
export type Case =
  | { self: string }
  | {
      branch?: (o: BranchObjects, f: ForeignCounty) => Many;
      grid?: (o: GridObjects, f: ForeignCounty) => Many;
      county?: (f: ForeignCounty) => Many;
      personal?: true;
      /** The org tree, the community side included, is the county's to manage: not foreign to the county admin. */
      orgTree?: true;
    };

const DAY = 86_400_000;
const later = (days: number) => toLocalInput(new Date(Math.ceil((Date.now() + days * DAY) / 3_600_000) * 3_600_000));
const plan = {
  title: "越权发布的计划",
  startsAt: later(20),
  durationMinutes: 60,
  materials: "",
  links: [],
  items: [{ title: "学习", mandatory: false }],
};
const member = {
  name: "王五",
  phone: "13922223333",
  gender: "male",
  category: "formal",
  presence: "home",
  employment: "in_office",
};

export const matrix: Record<string, Case> = {
  "app/(admin)/admin/feedback/actions.ts#answerFeedbackAction": {
    county: (f) => ({ feedbackId: f.feedbackId, answer: "越权答复" }),
  },
  "app/(admin)/admin/feedback/actions.ts#setFeedbackDaysAction": { county: () => ({ days: 20 }) },
  "app/(auth)/feedback/actions.ts#sendFeedbackAction": {
    self: "the caller's own complaint or suggestion, which goes to the county only (feedback.test.ts)",
  },
  "app/(auth)/feedback/actions.ts#sendPublicFeedbackAction": {
    self: "signed out: a complaint or suggestion to the county, throttled per address (feedback.test.ts)",
  },
  "app/(auth)/feedback/actions.ts#lookupReceiptAction": {
    self: "signed out: the receipt code is the key, and the answer names no sender (feedback.test.ts)",
  },
  "app/(auth)/privacy/actions.ts#acknowledgeAction": { self: "the caller's own acknowledgement of the notice" },
  "app/(member)/me/actions.ts#requestCorrectionAction": { self: "a correction of the caller's own record" },
  "app/(secretary)/branch/actions.ts#settleCorrectionAction": {
    branch: (o) => ({ correctionId: o.correctionId, note: "越权处理" }),
  },
  "app/(secretary)/branch/activities/notice-actions.ts#phonedAction": {
    branch: (o) => ({ activityId: o.activityId, memberId: o.memberId }),
  },
  "app/(secretary)/branch/transfer-actions.ts#startTransferAction": {
    branch: (o, f) => ({ memberId: o.memberId, toBranchId: f.homeBranchId, reason: "越权转接" }),
  },
  "app/(secretary)/branch/transfer-actions.ts#decideTransferAction": {
    branch: (o) => [
      { transferId: o.transferId, decision: "accept", note: "" },
      { transferId: o.transferId, decision: "return", note: "越权退回" },
    ],
  },
  "app/(secretary)/branch/transfer-actions.ts#withdrawTransferAction": {
    branch: (o) => ({ transferId: o.transferId }),
  },
  "app/(secretary)/branch/transfer-actions.ts#chaseTransferAction": { branch: (o) => ({ transferId: o.transferId }) },
  "app/(secretary)/branch/transfer-actions.ts#recordEventAction": {
    branch: (o) => ({
      memberId: o.memberId,
      kind: "left_party",
      effectiveOn: shanghaiDate(new Date()),
      reference: "越权",
    }),
  },
  "app/(secretary)/branch/transfer-actions.ts#startAwayAction": {
    branch: (o) => ({ memberId: o.memberId, place: "越权外出", until: shanghaiDate(new Date(Date.now() + 30 * DAY)) }),
  },
  "app/(secretary)/branch/transfer-actions.ts#endAwayAction": { branch: (o) => ({ memberId: o.awayMemberId }) },
  "app/(secretary)/branch/transfer-actions.ts#confirmAwayReportAction": {
    branch: (o) => ({ reportId: o.awayReportId }),
  },
  "app/(admin)/admin/account-actions.ts#endSessionsAction": { branch: (o) => ({ userId: o.memberId }) },
  "app/(admin)/admin/account-actions.ts#revealPhoneAction": { branch: (o) => ({ userId: o.memberId }) },
  "app/(admin)/admin/actions.ts#createNodeAction": {
    orgTree: true,
    branch: (o) => ({ parentId: o.committeeId, kind: "branch", name: "越权支部" }),
    grid: (o) => ({ parentId: o.communityId, kind: "grid", name: "越权网格" }),
    county: (f) => ({ parentId: f.countyId, kind: "committee", name: "越权党委" }),
  },
  "app/(admin)/admin/actions.ts#renameNodeAction": {
    orgTree: true,
    branch: (o) => ({ nodeId: o.branchId, name: "改名支部" }),
    grid: (o) => ({ nodeId: o.gridId, name: "改名网格" }),
    county: (f) => ({ nodeId: f.countyId, name: "改名县" }),
  },
  "app/(admin)/admin/actions.ts#grantRoleAction": {
    orgTree: true,
    branch: (o) => ({ nodeId: o.branchId, role: "secretary", phone: "13900001111", name: "新书记" }),
    grid: (o) => ({ nodeId: o.gridId, role: "grid_worker", phone: "13900001112", name: "新网格员" }),
    county: (f) => ({ nodeId: f.countyId, role: "county_admin", phone: "13900001113", name: "新管理员" }),
  },
  "app/(admin)/admin/actions.ts#revokeRoleAction": {
    orgTree: true,
    branch: (o) => ({ grantId: o.secretaryGrantId }),
    grid: (o) => ({ grantId: o.workerGrantId }),
  },
  "app/(admin)/admin/assessment/actions.ts#setTierAction": {
    branch: (o) => [
      { year: new Date().getFullYear(), nodeId: o.branchId, tier: "excellent" },
      { year: new Date().getFullYear(), nodeId: o.committeeId, tier: "unqualified", note: "越权评定" },
    ],
  },
  "app/(admin)/admin/points/actions.ts#changeRuleAction": {
    county: () => ({ code: RULE_CODES[0], points: 1, cap: "", effectiveFrom: shanghaiDate(new Date()) }),
  },
  "app/(admin)/admin/points/actions.ts#setRankingAction": { county: () => ({ on: "on" }) },
  "app/(admin)/admin/reach/actions.ts#setReachAction": {
    county: () => ({ smsOn: "on", cap: 100, kinds: ["hour_before"] }),
  },
  "app/(admin)/admin/review-actions.ts#setReviewShareAction": { county: () => ({ numerator: 1, denominator: 2 }) },
  "app/(admin)/admin/plans/actions.ts#publishPlanAction": { county: () => plan },
  "app/(admin)/admin/plans/actions.ts#revisePlanAction": { county: (f) => ({ ...plan, planId: f.planId }) },
  "app/(admin)/admin/schedule-changes/actions.ts#decideChangeAction": {
    branch: (o) => [
      { changeId: o.changeId, decision: "endorse", comment: "" },
      { changeId: o.changeId, decision: "return", comment: "理由不足" },
      { changeId: o.changeId, decision: "approve", comment: "" },
      { changeId: o.changeId, decision: "reject", comment: "不同意" },
    ],
  },
  "app/(auth)/activate/actions.ts#activate": {
    self: "signed out: a phone and its one-time code, no session and no scope (accounts.test.ts)",
  },
  "app/(grid)/grid/actions.ts#decideReportAction": {
    grid: (o) => [
      { reportId: o.pendingReportId, decision: "confirm", comment: "" },
      { reportId: o.pendingReportId, decision: "return", comment: "不住本网格" },
    ],
  },
  "app/(grid)/grid/actions.ts#createServiceActivityAction": {
    grid: (o) => [
      { nodeId: o.gridId, title: "义务理发", place: "活动室", startsAt: later(6), minutes: 60, capacity: 5 },
      { nodeId: o.communityId, title: "义务理发", place: "活动室", startsAt: later(6), minutes: 60, capacity: 5 },
    ],
  },
  "app/(grid)/grid/actions.ts#activityHoursAction": {
    grid: (o) => ({ activityId: o.serviceActivityId, entries: [{ memberId: o.memberId, hours: 2 }] }),
  },
  "app/(grid)/grid/actions.ts#decideHoursAction": {
    grid: (o) => [
      { hoursId: o.pendingHoursId, decision: "confirm", comment: "" },
      { hoursId: o.pendingHoursId, decision: "adjust", hours: 1, comment: "" },
      { hoursId: o.pendingHoursId, decision: "reject", comment: "不属实" },
    ],
  },
  "app/(grid)/grid/actions.ts#correctHoursAction": {
    grid: (o) => ({ hoursId: o.confirmedHoursId, hours: 1, comment: "更正" }),
  },
  "app/(member)/activities/dispute-actions.ts#disputeCheckinAction": {
    personal: true,
    branch: (o) => ({ checkinId: o.checkinId, reason: "不是我签的到" }),
  },
  "app/(member)/community/actions.ts#reportAction": {
    self: "a member reports themself to the grid they live in; which grid is theirs to choose (community.test.ts)",
  },
  "app/(member)/community/actions.ts#signupAction": {
    grid: (o) => [
      { activityId: o.serviceActivityId, join: true },
      { activityId: o.serviceActivityId, join: false },
    ],
  },
  "app/(member)/activities/review-actions.ts#saveSelfAssessmentAction": {
    personal: true,
    branch: (o) => ({ roundId: o.reviewRoundId, text: "越权自评" }),
  },
  // A ballot naming the round's real list: refused for not being a member of that branch, not for its shape.
  "app/(member)/activities/review-actions.ts#castBallotAction": {
    personal: true,
    branch: (o) => ({ roundId: o.reviewRoundId, grades: [{ subjectId: o.reviewSubjectId, grade: "excellent" }] }),
  },
  "app/(member)/leave/actions.ts#withdrawLeaveAction": { personal: true, branch: (o) => ({ leaveId: o.leaveId }) },
  "app/(member)/leave/actions.ts#submitReflectionAction": {
    personal: true,
    branch: (o) => ({
      taskId: o.makeupTaskId,
      reflection: "冒名提交的学习体会，内容足够长，满足最少字数的要求。".repeat(3),
    }),
  },
  "app/(member)/points/actions.ts#appealAction": {
    personal: true,
    branch: (o) => ({ entryId: o.pointEntryId, reason: "冒名申诉" }),
  },
  "app/(member)/me/actions.ts#changePasswordAction": { self: "the caller's own password" },
  "app/(member)/me/actions.ts#setElderModeAction": { self: "the caller's own preference" },
  "app/(member)/me/actions.ts#setSmsAction": { self: "the caller's own preference" },
  "app/(member)/activities/away-actions.ts#fileAwayReportAction": {
    branch: (o) => ({ activityId: o.activityId, note: "冒名报告异地参加" }),
  },
  "app/(member)/me/actions.ts#confirmRecordAction": { self: "the caller's own record, this year" },
  "app/(member)/me/push-actions.ts#subscribePushAction": { self: "the caller's own push subscription" },
  "app/(member)/me/push-actions.ts#unsubscribePushAction": {
    self: "the caller's own push subscription: only theirs is deleted",
  },
  "app/(member)/me/two-factor/actions.ts#startTotpAction": { self: "the caller's own second factor (totp.test.ts)" },
  "app/(member)/me/two-factor/actions.ts#confirmTotpAction": { self: "the caller's own second factor (totp.test.ts)" },
  "app/(member)/me/two-factor/actions.ts#renewRecoveryAction": {
    self: "the caller's own second factor (totp.test.ts)",
  },
  "app/(member)/me/two-factor/actions.ts#disableTotpAction": { self: "the caller's own second factor (totp.test.ts)" },
  "app/(member)/notices/actions.ts#markReadAction": { personal: true, branch: (o) => ({ noticeId: o.noticeId }) },
  "app/(member)/notices/actions.ts#markAllReadAction": { self: "the caller's own notices" },
  "app/(secretary)/branch/actions.ts#addMemberAction": { branch: (o) => ({ ...member, branchId: o.branchId }) },
  "app/(secretary)/branch/actions.ts#updateMemberAction": {
    branch: (o) => ({ ...member, phone: "13922224444", userId: o.memberId }),
  },
  "app/(secretary)/branch/actions.ts#setMemberActiveAction": { branch: (o) => ({ userId: o.memberId, active: false }) },
  "app/(secretary)/branch/actions.ts#issueCodeAction": {
    branch: (o) => [{ userId: o.inactiveMemberId }, { userId: o.memberId }],
  },
  "app/(secretary)/branch/actions.ts#importRosterAction": {
    branch: async (o) => [
      { branchId: o.branchId, intent: "import", file: await rosterFile() },
      { branchId: o.branchId, intent: "preview", file: await rosterFile() },
    ],
  },
  "app/(secretary)/branch/points-actions.ts#manualEntryAction": {
    branch: (o) => [
      { memberId: o.memberId, points: 5, reason: "越权加分" },
      { memberId: o.memberId, points: -5, reason: "越权扣分" },
    ],
  },
  "app/(secretary)/branch/points-actions.ts#reverseEntryAction": {
    branch: (o) => ({ entryId: o.pointEntryId, reason: "越权冲销" }),
  },
  "app/(secretary)/branch/points-actions.ts#answerAppealAction": {
    branch: (o) => ({ appealId: o.appealId, answer: "越权答复" }),
  },
  "app/(secretary)/branch/activities/[activityId]/reschedule/actions.ts#requestChangeAction": {
    branch: (o) => ({ activityId: o.activityId, toStartsAt: later(4), reason: "冒名改期" }),
  },
  "app/(secretary)/branch/activities/actions.ts#createMeetingAction": {
    branch: (o) => ({
      branchId: o.branchId,
      type: "party_lecture",
      title: "越权党课",
      startsAt: later(5),
      durationMinutes: 60,
    }),
  },
  "app/(secretary)/branch/activities/actions.ts#markStepAction": {
    branch: (o) => [
      { stepId: o.stepId, done: true, note: "完成" },
      { stepId: o.stepId, done: false },
    ],
  },
  "app/(secretary)/branch/activities/actions.ts#recordDuesAction": {
    branch: (o) => [
      { clientId: randomUUID(), activityId: o.activityId, memberId: o.memberId },
      { activityId: o.activityId, memberId: o.memberId, amount: "10", note: "越权" },
    ],
  },
  "app/(secretary)/branch/dues-actions.ts#declareBaseAction": {
    branch: (o) => ({ memberId: o.memberId, kind: "in_work", fromMonth: "2026-11", base: "3000" }),
  },
  "app/(secretary)/branch/dues-actions.ts#recordPaymentAction": {
    branch: (o) => ({
      clientId: randomUUID(),
      memberId: o.memberId,
      fromMonth: "2026-11",
      months: "2",
      payerName: "代缴人",
    }),
  },
  "app/(secretary)/branch/dues-actions.ts#reverseEntryAction": {
    branch: (o) => ({ entryId: o.duesEntryId, note: "越权冲正" }),
  },
  "app/(secretary)/branch/dues-actions.ts#revealBaseAction": { branch: (o) => ({ memberId: o.memberId }) },
  "app/(secretary)/branch/dues-actions.ts#remindArrearsAction": { branch: (o) => ({ branchId: o.branchId }) },
  "app/(secretary)/branch/activities/actions.ts#closeActivityAction": { branch: (o) => ({ activityId: o.activityId }) },
  "app/(secretary)/branch/activities/actions.ts#setPlaceAction": {
    branch: (o) => ({ activityId: o.activityId, place: "越权改的地点" }),
  },
  "app/(secretary)/branch/activities/checkin-actions.ts#proxyCheckinAction": {
    branch: (o) => ({ activityId: o.activityId, memberId: o.memberId, reason: "代为签到" }),
  },
  "app/(secretary)/branch/activities/checkin-actions.ts#reviewOfflineAction": {
    branch: (o) => ({ checkinId: o.checkinId, decision: "reject" }),
  },
  "app/(secretary)/branch/activities/checkin-actions.ts#settleDisputeAction": {
    branch: (o) => ({ disputeId: o.disputeId, decision: "remove", note: "越权处理" }),
  },
  "app/(secretary)/branch/activities/checkin-actions.ts#paperSheetAction": {
    branch: (o) => ({ activityId: o.activityId, entries: [{ memberId: o.memberId, outcome: "present" }] }),
  },
  "app/(secretary)/branch/activities/minutes-actions.ts#saveMinutesAction": {
    branch: (o) => ({ activityId: o.activityId, version: 0, discussion: "越权填写的记录" }),
  },
  "app/(secretary)/branch/activities/minutes-actions.ts#signMinutesAction": {
    branch: (o) => ({ activityId: o.activityId, version: 1 }),
  },
  "app/(secretary)/branch/activities/minutes-actions.ts#addendumAction": {
    branch: (o) => ({ activityId: o.activityId, body: "越权补充" }),
  },
  "app/(secretary)/branch/activities/notice-actions.ts#remindAction": { branch: (o) => ({ activityId: o.activityId }) },
  "app/(secretary)/branch/activities/review-actions.ts#countRoundAction": {
    branch: (o) => ({ roundId: o.reviewRoundId }),
  },
  "app/(secretary)/branch/activities/review-actions.ts#proposeGradeAction": {
    branch: (o) => [
      { subjectId: o.reviewSubjectId, grade: "excellent" },
      { subjectId: o.reviewSubjectId, grade: "unqualified", reason: "越权评定" },
    ],
  },
  "app/(secretary)/branch/activities/review-actions.ts#decideGradeAction": {
    branch: (o) => ({ subjectId: o.reviewSubjectId, grade: "qualified" }),
  },
  "app/(secretary)/branch/leave-actions.ts#decideLeaveAction": {
    branch: (o) => [
      { leaveId: o.leaveId, decision: "approve", comment: "" },
      { leaveId: o.leaveId, decision: "reject", comment: "不同意" },
    ],
  },
  "app/(secretary)/branch/leave-actions.ts#approveManyAction": {
    branch: (o) => ({ leaveIds: [o.leaveId], comment: "" }),
  },
  "app/(secretary)/branch/leave-actions.ts#confirmMakeupAction": { branch: (o) => ({ taskId: o.makeupTaskId }) },
  "app/(secretary)/branch/leave-actions.ts#fileLeaveForAction": {
    branch: (o) => ({
      clientId: randomUUID(),
      activityId: o.activityId,
      type: "sick",
      reason: "代为请假",
      memberId: o.memberId,
    }),
  },

  "app/api/v1/activities/[activityId]/attendance/route.ts#GET": {
    branch: (o) => ({ params: { activityId: o.activityId } }),
  },
  "app/api/v1/activities/[activityId]/read/route.ts#POST": {
    branch: (o) => ({ params: { activityId: o.activityId } }),
  },
  "app/api/v1/activities/[activityId]/attendance/export/route.ts#GET": {
    branch: (o) => ({ params: { activityId: o.activityId } }),
  },
  "app/api/v1/activities/[activityId]/minutes/route.ts#GET": {
    branch: (o) => ({ params: { activityId: o.activityId } }),
  },
  "app/api/v1/branches/[branchId]/ledger/route.ts#GET": {
    branch: (o) => ({ params: { branchId: o.branchId }, query: { year: new Date().getFullYear() } }),
  },
  // The foreign objects hold no minutes attachment (their activities are not closed): minutes.test.ts reads a
  // real one as people who may not.
  "app/api/v1/minutes-attachments/[attachmentId]/route.ts#GET": {
    branch: (o) => ({ params: { attachmentId: o.uploadId } }),
  },
  "app/api/v1/branches/[branchId]/community-feedback/route.ts#GET": {
    branch: (o) => ({ params: { branchId: o.branchId }, query: { quarter: "2026-Q4" } }),
  },
  "app/api/v1/branches/[branchId]/points-bulletin/route.ts#GET": {
    branch: (o) => ({ params: { branchId: o.branchId }, query: { month: "2026-11" } }),
  },
  "app/api/v1/assessment/route.ts#GET": {
    self: "the yearly assessment of the units under the caller's own admin grants; names no object",
  },
  "app/api/v1/points-quarter/route.ts#GET": {
    self: "the quarter's statistics of the branches under the caller's own admin grants; names no object",
  },
  "app/api/v1/community-feedback/route.ts#GET": {
    self: "a rollup of the branches under the caller's own admin grants; names no object",
  },
  "app/api/v1/branches/[branchId]/dues-sheet/route.ts#GET": {
    branch: (o) => ({ params: { branchId: o.branchId }, query: { month: "2026-11" } }),
  },
  "app/api/v1/dues-rollup/route.ts#GET": {
    self: "a rollup of the branches under the caller's own admin grants; names no object (a caller without one is refused)",
  },
  "app/api/v1/points-bulletin/route.ts#GET": {
    self: "a rollup of the branches under the caller's own admin grants; names no object (a caller without one is refused)",
  },
  "app/api/v1/branches/[branchId]/members/route.ts#GET": { branch: (o) => ({ params: { branchId: o.branchId } }) },
  "app/api/v1/checkins/route.ts#POST": {
    personal: true,
    branch: (o) => ({ body: { activityId: o.activityId, code: "123456", clientId: randomUUID() } }),
  },
  "app/api/v1/leave-requests/[leaveId]/attachment/route.ts#GET": {
    branch: (o) => ({ params: { leaveId: o.leaveId } }),
  },
  "app/api/v1/leave-requests/export/route.ts#GET": { branch: (o) => ({ query: { activityId: o.activityId } }) },
  "app/api/v1/leave-requests/route.ts#POST": {
    personal: true,
    branch: (o) => ({ body: { clientId: randomUUID(), activityId: o.activityId, type: "sick", reason: "替别人请假" } }),
  },
  "app/api/v1/leave-requests/route.ts#GET": { self: "the caller's own leave requests" },
  "app/api/v1/me/export/route.ts#GET": { self: "the caller's own data" },
  "app/api/v1/today/route.ts#GET": {
    self: "the caller's own start page: their branch's next activity and their own state (today-route.test.ts)",
  },
  "app/api/v1/roster-template/route.ts#GET": { self: "an empty template, no data" },
  "app/api/v1/health/route.ts#GET": { self: "the servers' own state, nothing of anyone" },
  "app/api/v1/uploads/[uploadId]/route.ts#GET": { branch: (o) => ({ params: { uploadId: o.uploadId } }) },
  "app/api/v1/volunteer-hours/route.ts#POST": {
    grid: (o) => [
      {
        body: {
          clientId: randomUUID(),
          memberId: o.memberId,
          servedOn: shanghaiDate(new Date()),
          hours: 1,
          description: "冒名登记",
        },
      },
      {
        body: {
          clientId: randomUUID(),
          memberId: o.memberId,
          activityId: o.serviceActivityId,
          servedOn: shanghaiDate(new Date()),
          hours: 1,
          description: "冒名登记",
        },
      },
    ],
  },
};
