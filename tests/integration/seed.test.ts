import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "@/db/schema/audit";
import { type OrgNode, orgNodes } from "@/db/schema/org";
import { members, roleGrants, users } from "@/db/schema/users";
import { demoAccounts, seedDemo, seedIfEmpty } from "@/db/seed";
import { verifyPassword } from "@/lib/password";
import { testDb } from "./db";

/** The demo county (db/seed.ts): its shape, its paths, its people and the accounts the README names. */
describe("demo seed", () => {
  let t: Awaited<ReturnType<typeof testDb>>;
  let nodes: OrgNode[];

  beforeAll(async () => {
    t = await testDb();
    expect(await seedIfEmpty(t.db)).toBe(true);
    nodes = await t.db.select().from(orgNodes);
  });
  afterAll(async () => {
    await t?.close();
  });

  const ofKind = (kind: OrgNode["kind"]) => nodes.filter((n) => n.kind === kind);

  it("builds the org tree: one county, committees over branches, communities over grids", () => {
    const [county, ...others] = ofKind("county");
    expect(others).toEqual([]);
    expect(county.parentId).toBeNull();
    expect(county.path).toBe(`/${county.id}/`);

    const committees = ofKind("committee");
    const branches = ofKind("branch");
    expect(committees.length).toBeGreaterThanOrEqual(2);
    expect(branches.length).toBeGreaterThanOrEqual(6);
    expect(committees.every((c) => c.parentId === county.id)).toBe(true);
    expect(branches.every((b) => committees.some((c) => c.id === b.parentId))).toBe(true);
    expect(branches.filter((b) => b.retiredCadre).length).toBeGreaterThanOrEqual(1);

    const communities = ofKind("community");
    expect(communities).toHaveLength(2);
    for (const community of communities) {
      expect(community.parentId).toBe(county.id);
      expect(ofKind("grid").filter((g) => g.parentId === community.id).length).toBeGreaterThanOrEqual(2);
    }
  });

  it("materialises every path as the parent's path + own id", () => {
    const byId = new Map(nodes.map((n) => [n.id, n]));
    for (const node of nodes) {
      const expected = node.parentId === null ? `/${node.id}/` : `${byId.get(node.parentId)!.path}${node.id}/`;
      expect(node.path, node.name).toBe(expected);
    }
  });

  it("spreads about 120 members over the branches, with valid unique phones", async () => {
    const rows = await t.db.select().from(members).innerJoin(orgNodes, eq(orgNodes.id, members.branchId));
    expect(rows.length).toBeGreaterThanOrEqual(100);
    expect(rows.length).toBeLessThanOrEqual(140);
    expect(rows.every((r) => r.org_nodes.kind === "branch")).toBe(true);
    for (const branch of ofKind("branch"))
      expect(
        rows.some((r) => r.org_nodes.id === branch.id),
        branch.name,
      ).toBe(true);

    const share = (test: (r: (typeof rows)[number]) => boolean) => rows.filter(test).length / rows.length;
    expect(share((r) => r.members.category === "probationary")).toBeGreaterThan(0.05);
    expect(share((r) => r.members.category === "probationary")).toBeLessThan(0.15);
    expect(share((r) => r.members.presence === "away")).toBeGreaterThan(0.07);
    expect(share((r) => r.members.presence === "away")).toBeLessThan(0.17);
    const retiredBranch = rows.filter((r) => r.org_nodes.retiredCadre);
    expect(
      retiredBranch.filter((r) => r.members.employment === "retired").length / retiredBranch.length,
    ).toBeGreaterThan(0.8);

    const all = await t.db.select({ phone: users.phone, name: users.name, hash: users.passwordHash }).from(users);
    expect(new Set(all.map((u) => u.phone)).size).toBe(all.length);
    for (const u of all) expect(u.phone).toMatch(/^1[3-9]\d{9}$/);
    // Some have activated their accounts, many have not yet.
    const activated = all.filter((u) => u.hash !== null).length;
    expect(activated).toBeGreaterThan(all.length * 0.3);
    expect(activated).toBeLessThan(all.length * 0.8);
  });

  it("holds each demo account with its role, signing in with its password", async () => {
    const rolesOf = async (phone: string) => {
      const [user] = await t.db.select().from(users).where(eq(users.phone, phone));
      expect(user, phone).toBeDefined();
      const grants = await t.db
        .select({ role: roleGrants.role, kind: orgNodes.kind })
        .from(roleGrants)
        .innerJoin(orgNodes, eq(orgNodes.id, roleGrants.nodeId))
        .where(eq(roleGrants.userId, user.id));
      const [member] = await t.db.select().from(members).where(eq(members.userId, user.id));
      return { user, grants, member };
    };
    const byKey = Object.fromEntries(demoAccounts.map((a) => [a.key, a]));

    const admin = await rolesOf(byKey.countyAdmin.phone);
    expect(admin.grants).toEqual([{ role: "county_admin", kind: "county" }]);
    expect(await verifyPassword(admin.user.passwordHash, byKey.countyAdmin.password)).toBe(true);

    expect((await rolesOf(byKey.committeeAdmin.phone)).grants).toEqual([
      { role: "committee_admin", kind: "committee" },
    ]);
    expect((await rolesOf(byKey.gridWorker.phone)).grants).toEqual([{ role: "grid_worker", kind: "grid" }]);

    const secretary = await rolesOf(byKey.secretary.phone);
    expect(secretary.grants).toEqual([{ role: "secretary", kind: "branch" }]);
    const member = await rolesOf(byKey.member.phone);
    expect(member.grants).toEqual([]);
    expect(member.member).toMatchObject({
      branchId: secretary.member.branchId,
      category: "formal",
      presence: "home",
      employment: "in_office",
    });

    for (const account of demoAccounts) {
      const { user } = await rolesOf(account.phone);
      expect(user.name).toBe(account.name);
      expect(user.passwordHash, account.phone).not.toBeNull();
    }
  });

  it("gives every branch a secretary who is a member of it", async () => {
    const grants = await t.db
      .select({ nodeId: roleGrants.nodeId, branchId: members.branchId })
      .from(roleGrants)
      .innerJoin(members, eq(members.userId, roleGrants.userId))
      .where(eq(roleGrants.role, "secretary"));
    for (const branch of ofKind("branch")) {
      expect(
        grants.some((g) => g.nodeId === branch.id && g.branchId === branch.id),
        branch.name,
      ).toBe(true);
    }
  });

  it("logs itself once in the audit log", async () => {
    const rows = await t.db.select().from(auditLog);
    expect(rows).toMatchObject([{ action: "seed.demo", actorId: null, outcome: "ok" }]);
  });

  it("seeds only an empty database, and reseeds to the same rows", async () => {
    expect(await seedIfEmpty(t.db)).toBe(false);
    const before = await t.db
      .select({ id: users.id, name: users.name, phone: users.phone })
      .from(users)
      .orderBy(users.id);
    await seedDemo(t.db);
    const after = await t.db
      .select({ id: users.id, name: users.name, phone: users.phone })
      .from(users)
      .orderBy(users.id);
    expect(after).toEqual(before);
    const [{ n }] = await t.db.select({ n: count() }).from(auditLog);
    expect(n).toBe(1);
  });
});
