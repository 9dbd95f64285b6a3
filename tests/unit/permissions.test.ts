import { describe, expect, it } from "vitest";
import {
  canFileLeaveFor,
  canManageOrg,
  canManageRoster,
  canReadAudit,
  canReadDues,
  canReadRoster,
  canRecordDues,
  canResetAccount,
  canSeeDuesBase,
  canSeePhone,
  homePath,
  reaches,
} from "@/lib/permissions";
import type { Scope } from "@/lib/scope";

const county = "/1/";
const committeeA = "/1/2/";
const branchA1 = "/1/2/5/";
const branchA2 = "/1/2/6/";
const branchB1 = "/1/3/7/";

const scope = (grants: Scope["grants"], member: Scope["member"] = null, userId = 100): Scope => ({
  userId,
  grants,
  member,
});
const secretaryA1 = scope([{ role: "secretary", nodeId: 5, path: branchA1 }], { branchId: 5, branchPath: branchA1 });
const committeeAdminA = scope([{ role: "committee_admin", nodeId: 2, path: committeeA }]);
const countyAdmin = scope([{ role: "county_admin", nodeId: 1, path: county }]);
const gridWorker = scope([{ role: "grid_worker", nodeId: 9, path: "/1/8/9/" }]);
const member = scope([], { branchId: 5, branchPath: branchA1 }, 200);

describe("reaches", () => {
  it("reaches the granted node and its subtree only", () => {
    expect(reaches(secretaryA1, branchA1, ["secretary"])).toBe(true);
    expect(reaches(secretaryA1, branchA2, ["secretary"])).toBe(false);
    expect(reaches(committeeAdminA, branchA2, ["committee_admin"])).toBe(true);
    expect(reaches(committeeAdminA, branchB1, ["committee_admin"])).toBe(false);
  });

  it("does not mistake a sibling with a longer id for a child", () => {
    const s = scope([{ role: "secretary", nodeId: 1, path: "/1/2/" }]);
    expect(reaches(s, "/1/23/", ["secretary"])).toBe(false);
  });

  it("only counts the roles asked for", () => {
    expect(reaches(gridWorker, "/1/8/9/", ["secretary"])).toBe(false);
  });
});

describe("roster rules", () => {
  it("lets a secretary read and manage their own branch only", () => {
    expect(canReadRoster(secretaryA1, branchA1)).toBe(true);
    expect(canManageRoster(secretaryA1, branchA1)).toBe(true);
    expect(canReadRoster(secretaryA1, branchA2)).toBe(false);
    expect(canManageRoster(secretaryA1, branchB1)).toBe(false);
  });

  it("lets a committee admin read but not change its branches", () => {
    expect(canReadRoster(committeeAdminA, branchA2)).toBe(true);
    expect(canManageRoster(committeeAdminA, branchA2)).toBe(false);
    expect(canReadRoster(committeeAdminA, branchB1)).toBe(false);
  });

  it("gives the county everything and members and grid workers no roster", () => {
    expect(canManageRoster(countyAdmin, branchB1)).toBe(true);
    expect(canReadRoster(member, branchA1)).toBe(false);
    expect(canReadRoster(gridWorker, branchA1)).toBe(false);
  });
});

describe("dues base visibility", () => {
  const target = { userId: 200, branchPath: branchA1 };
  it("shows a base to the member, their secretary and the county only", () => {
    expect(canSeeDuesBase(member, target)).toBe(true);
    expect(canSeeDuesBase(secretaryA1, target)).toBe(true);
    expect(canSeeDuesBase(countyAdmin, target)).toBe(true);
  });
  it("masks it from the committee, another branch's secretary, another member and grid workers", () => {
    expect(canSeeDuesBase(committeeAdminA, target)).toBe(false);
    expect(canSeeDuesBase(scope([{ role: "secretary", nodeId: 6, path: branchA2 }]), target)).toBe(false);
    expect(canSeeDuesBase(scope([], { branchId: 5, branchPath: branchA1 }, 201), target)).toBe(false);
    expect(canSeeDuesBase(gridWorker, target)).toBe(false);
  });
  it("lets the secretary take payments and the committee read the sheet", () => {
    expect(canRecordDues(secretaryA1, branchA1)).toBe(true);
    expect(canRecordDues(committeeAdminA, branchA1)).toBe(false);
    expect(canReadDues(committeeAdminA, branchA1)).toBe(true);
    expect(canReadDues(member, branchA1)).toBe(false);
  });
});

describe("phone visibility", () => {
  it("shows a phone to the member, their secretary and admins above", () => {
    const target = { userId: 200, branchPath: branchA1 };
    expect(canSeePhone(member, target)).toBe(true);
    expect(canSeePhone(secretaryA1, target)).toBe(true);
    expect(canSeePhone(committeeAdminA, target)).toBe(true);
    expect(canSeePhone(countyAdmin, target)).toBe(true);
  });

  it("hides it from everyone else", () => {
    const target = { userId: 201, branchPath: branchA1 };
    expect(canSeePhone(member, target)).toBe(false);
    expect(canSeePhone(gridWorker, target)).toBe(false);
    expect(canSeePhone(scope([{ role: "secretary", nodeId: 7, path: branchB1 }]), target)).toBe(false);
  });
});

describe("org and audit", () => {
  it("leaves the org tree and the audit log to the county", () => {
    expect(canManageOrg(countyAdmin, committeeA)).toBe(true);
    expect(canManageOrg(committeeAdminA, committeeA)).toBe(false);
    expect(canReadAudit(countyAdmin)).toBe(true);
    expect(canReadAudit(committeeAdminA)).toBe(false);
  });

  it("sends each person to their home", () => {
    expect(homePath(member)).toBe("/");
    expect(homePath(secretaryA1)).toBe("/");
    expect(homePath(countyAdmin)).toBe("/admin");
    expect(homePath(gridWorker)).toBe("/grid");
  });
});

describe("help for members without a phone", () => {
  it("lets only the branch's own secretary file leave for a member", () => {
    expect(canFileLeaveFor(secretaryA1, branchA1)).toBe(true);
    expect(canFileLeaveFor(secretaryA1, branchA2)).toBe(false);
    expect(canFileLeaveFor(member, branchA1)).toBe(false);
    expect(canFileLeaveFor(committeeAdminA, branchA1)).toBe(false);
    expect(canFileLeaveFor(countyAdmin, branchA1)).toBe(false);
  });
});

describe("taking charge of an account (activation and reset codes)", () => {
  const plainMember = { branchPath: branchA1, grants: [] };
  const memberWhoIsCommitteeAdmin = {
    branchPath: branchA1,
    grants: [{ role: "committee_admin" as const, path: committeeA }],
  };
  const memberWhoIsCountyAdmin = { branchPath: branchA1, grants: [{ role: "county_admin" as const, path: county }] };
  const coSecretary = { branchPath: branchA1, grants: [{ role: "secretary" as const, path: branchA1 }] };
  const gridWorkerMember = { branchPath: branchA1, grants: [{ role: "grid_worker" as const, path: "/1/8/9/" }] };
  const staffOnly = { branchPath: null, grants: [{ role: "committee_admin" as const, path: committeeA }] };

  it("lets a secretary reset a plain member of their own branch only", () => {
    expect(canResetAccount(secretaryA1, plainMember)).toBe(true);
    expect(canResetAccount(secretaryA1, { branchPath: branchA2, grants: [] })).toBe(false);
  });

  it("refuses a secretary any account that holds a role, whatever its branch", () => {
    expect(canResetAccount(secretaryA1, memberWhoIsCommitteeAdmin)).toBe(false);
    expect(canResetAccount(secretaryA1, memberWhoIsCountyAdmin)).toBe(false);
    expect(canResetAccount(secretaryA1, coSecretary)).toBe(false);
    expect(canResetAccount(secretaryA1, gridWorkerMember)).toBe(false);
  });

  it("leaves accounts with roles to the county, which also looks after its own admins", () => {
    expect(canResetAccount(countyAdmin, memberWhoIsCommitteeAdmin)).toBe(true);
    expect(canResetAccount(countyAdmin, memberWhoIsCountyAdmin)).toBe(true);
    expect(canResetAccount(countyAdmin, staffOnly)).toBe(true);
    expect(canResetAccount(countyAdmin, gridWorkerMember)).toBe(true);
  });

  it("gives a committee admin, a member and a grid worker no such power", () => {
    expect(canResetAccount(committeeAdminA, plainMember)).toBe(false);
    expect(
      canResetAccount(committeeAdminA, { branchPath: null, grants: [{ role: "secretary", path: branchA1 }] }),
    ).toBe(false);
    expect(canResetAccount(member, plainMember)).toBe(false);
    expect(canResetAccount(gridWorker, gridWorkerMember)).toBe(false);
  });

  it("refuses an account with neither membership nor role", () => {
    expect(canResetAccount(countyAdmin, { branchPath: null, grants: [] })).toBe(false);
  });
});
