import { describe, expect, it } from "vitest";
import { decisionBlocked, leaveWindow, makeupDueAt, makeupState } from "@/lib/leave";
import { t } from "@/lib/messages";
import { canConfirmMakeup, canDecideLeave, canReadLeave, canRequestLeave } from "@/lib/permissions";
import type { Scope } from "@/lib/scope";
import { approveManyInput, decideLeaveInput, fileLeaveInput, reflectionInput } from "@/lib/validation/leave";

const branchA1 = "/1/2/5/";
const branchB1 = "/1/3/7/";
const scope = (userId: number, grants: Scope["grants"], member: Scope["member"] = null): Scope => ({
  userId,
  grants,
  member,
});
const member = scope(200, [], { branchId: 5, branchPath: branchA1 });
const secretaryA1 = scope(100, [{ role: "secretary", nodeId: 5, path: branchA1 }], {
  branchId: 5,
  branchPath: branchA1,
});
const secretaryB1 = scope(101, [{ role: "secretary", nodeId: 7, path: branchB1 }], {
  branchId: 7,
  branchPath: branchB1,
});
const committeeA = scope(300, [{ role: "committee_admin", nodeId: 2, path: "/1/2/" }]);
const countyAdmin = scope(400, [{ role: "county_admin", nodeId: 1, path: "/1/" }]);

const memberLeave = { memberId: 200, branchPath: branchA1, bySecretary: false };
const secretaryLeave = { memberId: 100, branchPath: branchA1, bySecretary: true };

describe("who decides leave", () => {
  it("lets the branch's secretary decide a member's leave, and nobody outside the branch or the county", () => {
    expect(canDecideLeave(secretaryA1, memberLeave)).toBe(true);
    expect(canDecideLeave(secretaryB1, memberLeave)).toBe(false);
    expect(canDecideLeave(committeeA, memberLeave)).toBe(false);
    expect(canDecideLeave(countyAdmin, memberLeave)).toBe(false);
    expect(canDecideLeave(member, memberLeave)).toBe(false);
  });

  it("sends a secretary's own leave to the committee above, never to the secretary", () => {
    expect(canDecideLeave(secretaryA1, secretaryLeave)).toBe(false);
    expect(canDecideLeave(committeeA, secretaryLeave)).toBe(true);
    expect(canDecideLeave(scope(301, [{ role: "committee_admin", nodeId: 3, path: "/1/3/" }]), secretaryLeave)).toBe(
      false,
    );
    expect(canConfirmMakeup(committeeA, secretaryLeave)).toBe(true);
  });

  it("lets a member ask only in their own branch, and read only their own or their branch's", () => {
    expect(canRequestLeave(member, branchA1)).toBe(true);
    expect(canRequestLeave(member, branchB1)).toBe(false);
    expect(canRequestLeave(committeeA, branchA1)).toBe(false);
    expect(canReadLeave(member, memberLeave)).toBe(true);
    expect(canReadLeave(scope(201, [], { branchId: 5, branchPath: branchA1 }), memberLeave)).toBe(false);
    expect(canReadLeave(committeeA, memberLeave)).toBe(true);
    expect(canReadLeave(secretaryB1, memberLeave)).toBe(false);
  });
});

describe("leave rules", () => {
  const startsAt = new Date("2026-12-01T01:00:00Z");
  it("opens requests until the start, then late reasons until closing", () => {
    expect(leaveWindow({ startsAt, status: "scheduled" }, new Date(startsAt.getTime() - 1))).toBe("open");
    expect(leaveWindow({ startsAt, status: "scheduled" }, startsAt)).toBe("late");
    expect(leaveWindow({ startsAt, status: "closed" }, new Date(startsAt.getTime() - 1))).toBe("closed");
  });

  it("makes the make-up study due 14 days after the activity ends, and overdue only if nothing was handed in", () => {
    const due = makeupDueAt({ startsAt, durationMinutes: 90 });
    expect(due.toISOString()).toBe("2026-12-15T02:30:00.000Z");
    const after = new Date(due.getTime() + 1);
    expect(makeupState({ dueAt: due, submittedAt: null, confirmedAt: null }, due)).toBe("todo");
    expect(makeupState({ dueAt: due, submittedAt: null, confirmedAt: null }, after)).toBe("overdue");
    expect(makeupState({ dueAt: due, submittedAt: due, confirmedAt: null }, after)).toBe("submitted");
    expect(makeupState({ dueAt: due, submittedAt: due, confirmedAt: after }, after)).toBe("confirmed");
  });

  it("lets decisions change until closing, but not on a withdrawn request nor to the same result", () => {
    expect(decisionBlocked({ status: "pending" }, { status: "scheduled" }, "approved")).toBeNull();
    expect(decisionBlocked({ status: "approved" }, { status: "scheduled" }, "rejected")).toBeNull();
    expect(decisionBlocked({ status: "approved" }, { status: "scheduled" }, "approved")).toBe("same");
    expect(decisionBlocked({ status: "withdrawn" }, { status: "scheduled" }, "approved")).toBe("withdrawn");
    expect(decisionBlocked({ status: "pending" }, { status: "closed" }, "approved")).toBe("closed");
  });
});

describe("leave validation", () => {
  const valid = { clientId: "7c4e9b4e-2f0a-4c1b-9d3e-8a6f5b2c1d0e", activityId: "12", type: "sick", reason: " 发烧 " };
  it("requires a client id, a type and a reason of at most 500 characters", () => {
    expect(fileLeaveInput.parse(valid)).toMatchObject({ activityId: 12, reason: "发烧", late: false });
    expect(fileLeaveInput.parse({ ...valid, late: "on" }).late).toBe(true);
    const error = (input: object) => fileLeaveInput.safeParse(input).error?.issues[0];
    expect(error({ ...valid, reason: "   " })?.message).toBe("请填写请假事由");
    expect(error({ ...valid, reason: "假".repeat(501) })?.message).toBe("请假事由不能超过 500 个字");
    expect(error({ ...valid, clientId: "1" })?.message).toBe("请求编号无效，请刷新页面后重试。");
    expect(error({ ...valid, type: "holiday" })?.path).toEqual(["type"]);
  });

  it("needs a comment to reject, and gathers the picked requests of a batch", () => {
    expect(
      decideLeaveInput.safeParse({ leaveId: "3", decision: "reject", comment: " " }).error?.issues[0],
    ).toMatchObject({ path: ["comment"], message: t.leave.commentRequired });
    expect(decideLeaveInput.parse({ leaveId: "3", decision: "approve" })).toEqual({
      leaveId: 3,
      decision: "approve",
      comment: "",
      from: "pending",
    });
    expect(decideLeaveInput.parse({ leaveId: "3", decision: "reject", comment: "改判", from: "approved" }).from).toBe(
      "approved",
    );
    expect(approveManyInput.parse({ "pick.4": "on", "pick.9": "on", comment: "" })).toEqual({
      leaveIds: [4, 9],
      comment: "",
    });
    expect(approveManyInput.safeParse({ comment: "" }).error?.issues[0].message).toBe("请至少选择一项申请。");
  });

  it("wants a reflection of at least 50 characters", () => {
    expect(reflectionInput.safeParse({ taskId: "1", reflection: "学习了".repeat(16) }).error?.issues[0].message).toBe(
      "学习体会至少 50 个字",
    );
    expect(reflectionInput.parse({ taskId: "1", reflection: "学习了".repeat(17) }).reflection).toHaveLength(51);
  });
});
