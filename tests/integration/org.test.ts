import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAudit } from "@/db/queries/audit";
import { createNode, getNodeWithGrants, grantRole, listTree, renameNode, revokeRole } from "@/db/queries/org";
import { loadSessionUser } from "@/db/queries/session";
import { orgNodes } from "@/db/schema/org";
import type { Scope } from "@/lib/scope";
import { demoCounty, phones } from "./county";

let county: Awaited<ReturnType<typeof demoCounty>>;
let admin: Scope;
beforeAll(async () => {
  county = await demoCounty();
  admin = await county.scopeOf(phones.countyAdmin);
});
afterAll(() => county.close());

describe("the org tree", () => {
  it("creates a committee and a branch under it with materialised paths", async () => {
    const countyNode = admin.grants[0];
    const committee = await createNode(county.db, admin, {
      parentId: countyNode.nodeId,
      kind: "committee",
      name: "新城镇党委",
      retiredCadre: false,
    });
    const branch = await createNode(county.db, admin, {
      parentId: committee.id,
      kind: "branch",
      name: "新城镇离退休干部党支部",
      retiredCadre: true,
    });
    expect(committee.path).toBe(`${countyNode.path}${committee.id}/`);
    expect(branch.path).toBe(`${committee.path}${branch.id}/`);
    expect(branch.retiredCadre).toBe(true);
    await renameNode(county.db, admin, { nodeId: branch.id, name: "新城镇老干部党支部" });
    const [renamed] = await county.db.select().from(orgNodes).where(eq(orgNodes.id, branch.id));
    expect(renamed.name).toBe("新城镇老干部党支部");
  });

  it("refuses a branch directly under the county, and any change by a committee admin", async () => {
    const countyNode = admin.grants[0];
    await expect(
      createNode(county.db, admin, { parentId: countyNode.nodeId, kind: "branch", name: "x", retiredCadre: false }),
    ).rejects.toMatchObject({ code: "bad_request" });
    const committeeAdmin = await county.scopeOf(phones.committeeAdmin);
    await expect(
      createNode(county.db, committeeAdmin, {
        parentId: committeeAdmin.grants[0].nodeId,
        kind: "branch",
        name: "x",
        retiredCadre: false,
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      renameNode(county.db, committeeAdmin, { nodeId: county.homeBranchId, name: "x" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    const tree = await listTree(county.db, committeeAdmin);
    expect(tree.every((n) => n.path.startsWith(committeeAdmin.grants[0].path))).toBe(true);
  });

  it("appoints a new grid worker, who then reaches that grid; revoking removes it", async () => {
    const [grid] = await county.db.select().from(orgNodes).where(eq(orgNodes.kind, "grid"));
    const { userId } = await grantRole(county.db, admin, {
      nodeId: grid.id,
      role: "grid_worker",
      phone: "13666660001",
      name: "新网格员",
    });
    const fresh = await loadSessionUser(county.db, userId);
    expect(fresh?.scope.grants).toEqual([{ role: "grid_worker", nodeId: grid.id, path: grid.path }]);
    await expect(
      grantRole(county.db, admin, { nodeId: grid.id, role: "secretary", phone: "13666660001" }),
    ).rejects.toMatchObject({ code: "bad_request" });
    await expect(
      grantRole(county.db, admin, { nodeId: grid.id, role: "grid_worker", phone: "13666660002" }),
    ).rejects.toMatchObject({ message: expect.stringContaining("未找到该手机号") });
    const { grants: onGrid } = await getNodeWithGrants(county.db, admin, grid.id);
    await revokeRole(county.db, admin, { grantId: onGrid.find((g) => g.userId === userId)!.id });
    expect((await loadSessionUser(county.db, userId))?.scope.grants).toEqual([]);
  });
});

describe("the audit log", () => {
  it("is readable by the county, filtered, and by nobody else", async () => {
    const rows = await listAudit(county.db, admin, { action: "org." });
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows.every((r) => r.action.startsWith("org.") && r.outcome === "ok")).toBe(true);
    await expect(listAudit(county.db, county.secretary)).rejects.toMatchObject({ code: "forbidden" });
  });
});
