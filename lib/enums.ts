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

/** The four grades of 民主评议党员, best first (docs/architecture.md#member-review). */
export const reviewGrades = ["excellent", "qualified", "basically_qualified", "unqualified"] as const;
export type ReviewGrade = (typeof reviewGrades)[number];
