import type { OrgKind, RoleName } from "./enums";
import type { Scope } from "./scope";
import { holdsRole, reaches, rolesHeld } from "./scope-paths";

/**
 * Pure permission rules (docs/architecture.md#conventions). The data layer calls them with the caller's scope and the
 * path of
 * the org node a record belongs to; nothing here touches the database.
 */

export { reaches };

export const isCountyAdmin = (scope: Scope) => holdsRole(scope, ["county_admin"]);

/** Roster reading: the branch's secretary and the admins above it. */
export const canReadRoster = (scope: Scope, branchPath: string) =>
  reaches(scope, branchPath, ["secretary", "committee_admin", "county_admin"]);

/** Roster changes and activation codes: the branch's secretary, or the county. */
export const canManageRoster = (scope: Scope, branchPath: string) =>
  reaches(scope, branchPath, ["secretary", "county_admin"]);

/** Whose account someone may take charge of: the person's Party membership, and every role they hold. */
export interface AccountHolder {
  /** The branch of their member record, if they are a member. */
  branchPath: string | null;
  grants: readonly { role: RoleName; path: string }[];
}

/**
 * Activation and reset codes, and anything else that hands an account to whoever holds the code, go to
 * someone above everything the account can do: the member's branch (its secretary, or the county) and,
 * for each role the person holds, the county above that role's node. A secretary therefore cannot take
 * over an account that also holds an admin role, a grid role or a secretary role of its own. County
 * admins stand at the top with nobody above them, so they look after each other's accounts.
 */
export function canResetAccount(scope: Scope, account: AccountHolder): boolean {
  if (account.branchPath === null && account.grants.length === 0) return false;
  if (account.branchPath !== null && !canManageRoster(scope, account.branchPath)) return false;
  return account.grants.every((g) => canManageOrg(scope, g.path));
}

/** The full phone number: the member themself, their branch's secretary, and admins. */
export const canSeePhone = (scope: Scope, member: { userId: number; branchPath: string }) =>
  scope.userId === member.userId || canReadRoster(scope, member.branchPath);

/** The org tree and role assignments are the county's. */
export const canManageOrg = (scope: Scope, path: string) => reaches(scope, path, ["county_admin"]);

export const canReadAudit = isCountyAdmin;

/** Which kinds of node may sit directly under which. */
export const childKinds: Record<OrgKind, OrgKind[]> = {
  county: ["committee", "community"],
  committee: ["branch"],
  branch: [],
  community: ["grid"],
  grid: [],
};

/** Which roles can be granted on which kind of node. */
export const rolesFor: Record<OrgKind, RoleName[]> = {
  county: ["county_admin"],
  committee: ["committee_admin"],
  branch: ["secretary"],
  community: ["grid_worker"],
  grid: ["grid_worker"],
};

/** Where a person lands after signing in. */
export function homePath(scope: Scope): string {
  if (scope.member) return "/";
  const roles = rolesHeld(scope);
  if (roles.has("county_admin") || roles.has("committee_admin")) return "/admin";
  if (roles.has("secretary")) return "/branch";
  if (roles.has("grid_worker")) return "/grid";
  return "/me";
}

/** Activities: the branch's secretary and the county run them; its members and the admins above read them. */
export const canManageActivity = canManageRoster;
export const canReadActivity = (scope: Scope, branchPath: string) =>
  scope.member?.branchPath === branchPath || canReadRoster(scope, branchPath);

/** Schedule changes: the committee above the branch endorses, the county approves. */
export const canEndorseChange = (scope: Scope, branchPath: string) => reaches(scope, branchPath, ["committee_admin"]);
export const canApproveChange = (scope: Scope, branchPath: string) => reaches(scope, branchPath, ["county_admin"]);

/** Leave: a member asks for leave from their own branch's activities only. */
export const canRequestLeave = (scope: Scope, branchPath: string) => scope.member?.branchPath === branchPath;

/** A secretary files leave for a member of their branch who has no phone; recorded as filed by them. */
export const canFileLeaveFor = (scope: Scope, branchPath: string) => reaches(scope, branchPath, ["secretary"]);

/** Who asked, in which branch, and whether they are a secretary of it: what deciding a leave depends on. */
export interface LeaveSubject {
  memberId: number;
  branchPath: string;
  bySecretary: boolean;
}

/**
 * The branch's secretary decides a member's leave; a secretary's own leave goes to the committee above the
 * branch. Nobody decides their own, and the county does not decide leave.
 */
export function canDecideLeave(scope: Scope, leave: LeaveSubject): boolean {
  if (leave.memberId === scope.userId) return false;
  return reaches(scope, leave.branchPath, leave.bySecretary ? ["committee_admin"] : ["secretary"]);
}

/** The member themself, and whoever reads the branch's roster. */
export const canReadLeave = (scope: Scope, leave: Pick<LeaveSubject, "memberId" | "branchPath">) =>
  leave.memberId === scope.userId || canReadRoster(scope, leave.branchPath);

/** A make-up study is confirmed by whoever decides the leave it follows. */
export const canConfirmMakeup = canDecideLeave;

/** Community work: the grid workers of a grid, or of the whole community above it. */
export const canServeGrid = (scope: Scope, path: string) => reaches(scope, path, ["grid_worker"]);

/**
 * A member's request to correct their record: their branch's secretary or the county settles it, never the
 * member themself (a secretary asking about their own record is settled by the county).
 */
export const canSettleCorrection = (scope: Scope, request: { memberId: number; branchPath: string }) =>
  canManageRoster(scope, request.branchPath) &&
  (request.memberId !== scope.userId || reaches(scope, request.branchPath, ["county_admin"]));

/**
 * Minutes: written and signed by those who run the activity; read by the roster's readers and, once signed,
 * by the members of the branch the record shows were there (the query checks the attendance).
 */
export const canWriteMinutes = canManageActivity;
export const canReadMinutes = canReadActivity;

/**
 * A member's dues base is sensitive (docs/security.md): the member, their branch's secretary and the county
 * see it; a committee reads the branch's sheet with the bases masked. The same people declare it.
 */
export const canSeeDuesBase = (scope: Scope, member: { userId: number; branchPath: string }) =>
  scope.userId === member.userId || canManageRoster(scope, member.branchPath);
export const canDeclareDuesBase = canSeeDuesBase;

/** Payments are taken by the branch's secretary (or the county); the sheet is read by them and the committee. */
export const canRecordDues = canManageRoster;
export const canReadDues = canReadRoster;

/** Chasing a transfer: a committee or county admin above both its branches. */
export const canChaseTransfer = (scope: Scope, fromPath: string, toPath: string) =>
  reaches(scope, fromPath, ["committee_admin", "county_admin"]) &&
  reaches(scope, toPath, ["committee_admin", "county_admin"]);
