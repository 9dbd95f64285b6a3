/**
 * The value sets the domain rules speak of and the database stores as enums. They live here, below the
 * data layer, so that rules and permissions name them without importing the schema (docs/architecture.md).
 */
export const roleNames = ["secretary", "committee_admin", "county_admin", "grid_worker"] as const;
export type RoleName = (typeof roleNames)[number];

export const orgKinds = ["county", "committee", "branch", "community", "grid"] as const;
export type OrgKind = (typeof orgKinds)[number];

export const leaveStatuses = ["pending", "approved", "rejected", "withdrawn"] as const;
export type LeaveStatus = (typeof leaveStatuses)[number];

export const capPeriods = ["year", "half_year", "month"] as const;
export type CapPeriod = (typeof capPeriods)[number];

export const assessmentTiers = ["excellent", "qualified", "unqualified"] as const;
export type AssessmentTier = (typeof assessmentTiers)[number];

/** The reminders the scheduler sends (docs/reminders-and-sms.md), each switchable by the county. */
/**
 * Scheduled reminders of an activity (docs/reminders-and-sms.md#the-reminders): the first three to its expected
 * members, `leave_digest` to its branch's secretaries (the leave requests still waiting), `not_closed` to them
 * from the county when a theme day is still not recorded as held.
 */
export const reminderKinds = [
  "evening_before",
  "hour_before",
  "unread_day_before",
  "leave_digest",
  "not_closed",
] as const;
export type ReminderKind = (typeof reminderKinds)[number];

export const feedbackKinds = ["complaint", "suggestion"] as const;
export type FeedbackKind = (typeof feedbackKinds)[number];

/** What a complaint or suggestion is about: the app itself, or how one branch uses it. */
export const feedbackSubjects = ["app", "branch"] as const;
export type FeedbackSubject = (typeof feedbackSubjects)[number];

export const feedbackStatuses = ["open", "answered"] as const;
export type FeedbackStatus = (typeof feedbackStatuses)[number];

export const correctionStatuses = ["open", "done"] as const;
export type CorrectionStatus = (typeof correctionStatuses)[number];

/** The four grades of 民主评议党员, best first (docs/architecture.md#member-review). */
export const reviewGrades = ["excellent", "qualified", "basically_qualified", "unqualified"] as const;
export type ReviewGrade = (typeof reviewGrades)[number];

/** How a member's dues are set: a share of income (in work) or of the pension (retired), or a fixed amount. */
export const duesKinds = ["in_work", "retired", "student", "unemployed", "low_income"] as const;
export type DuesKind = (typeof duesKinds)[number];

/** Where a dues payment was taken: at the theme day's dues step, or later by the secretary. */
export const duesChannels = ["theme_day", "secretary"] as const;
export type DuesChannel = (typeof duesChannels)[number];
