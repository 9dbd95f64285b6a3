import { count, sql } from "drizzle-orm";
import { hashPassword } from "../lib/password";
import { PRIVACY_VERSION } from "../lib/privacy";
import { prng } from "../lib/prng";
import type { Db } from "./open";
import { auditLog } from "./schema/audit";
import { type OrgKind, orgNodes } from "./schema/org";
import { privacyAcknowledgements } from "./schema/privacy";
import {
  type Gender,
  type MemberCategory,
  type MemberEmployment,
  type MemberPresence,
  members,
  type RoleName,
  roleGrants,
  users,
} from "./schema/users";
import { insertCommunityDemo } from "./seed-community";
import { insertDuesDemo } from "./seed-dues";

/**
 * The demo county 示范县: a small but realistic org tree, about 120 Party members and one account for each
 * kind of person (docs/architecture.md, §10). Deterministic: a seeded PRNG, fixed dates and no clock, so every run
 * gives the same rows (ids included, after the TRUNCATE ... RESTART IDENTITY of seedDemo).
 *
 * Every account that has a password uses `demo1234`:
 *
 * | 角色                     | 姓名   | 手机号       | 在哪里                                    |
 * |--------------------------|--------|--------------|-------------------------------------------|
 * | 县委组织部管理员         | 王建国 | 13800000001  | 示范县 (county_admin)                     |
 * | 党委管理员               | 李秀英 | 13800000002  | 城关镇党委 (committee_admin)              |
 * | 支部书记                 | 张志强 | 13800000003  | 城关镇东街社区党支部 (secretary + member) |
 * | 党员                     | 刘洋   | 13800000004  | 城关镇东街社区党支部 (member)             |
 * | 网格员                   | 陈静   | 13800000005  | 东街社区第一网格 (grid_worker)            |
 *
 * The secretaries of the other branches (each also a member of that branch, activated):
 *
 * | 13800000011 | 赵德明 | 城关镇南关村党支部             |
 * | 13800000012 | 孙海燕 | 城关镇西关村党支部             |
 * | 13800000013 | 周文斌 | 河西街道幸福里社区党支部       |
 * | 13800000014 | 吴丽华 | 河西街道机关党支部             |
 * | 13800000015 | 郑国强 | 县教育局机关党支部             |
 * | 13800000016 | 黄振华 | 县直机关离退休干部党支部（离退休干部党支部） |
 *
 * The other members have random 11-digit phones; about half are activated (password `demo1234`), the rest
 * have no password yet and sign in only after activating their account with a code.
 */

export const demoPassword = "demo1234";

export const demoAccounts = [
  { key: "countyAdmin", role: "县委组织部管理员", name: "王建国", phone: "13800000001", password: demoPassword },
  { key: "committeeAdmin", role: "党委管理员", name: "李秀英", phone: "13800000002", password: demoPassword },
  { key: "secretary", role: "支部书记", name: "张志强", phone: "13800000003", password: demoPassword },
  { key: "member", role: "党员", name: "刘洋", phone: "13800000004", password: demoPassword },
  { key: "gridWorker", role: "网格员", name: "陈静", phone: "13800000005", password: demoPassword },
] as const;

export type DemoAccountKey = (typeof demoAccounts)[number]["key"];

/** Names and places of the demo county, for tests that need them without repeating strings. */
export const demoCounty = {
  county: "示范县",
  firstCommittee: "城关镇党委",
  firstBranch: "城关镇东街社区党支部",
  retiredCadreBranch: "县直机关离退休干部党支部",
  firstGrid: "东街社区第一网格",
} as const;

// ---------------------------------------------------------------------------------------------------------
// The tree

type BranchType = "community" | "village" | "agency" | "retired";

interface BranchSpec {
  name: string;
  type: BranchType;
  /** Members including the secretary (and, in the first branch, the demo member). */
  size: number;
  secretary: { name: string; phone: string; gender: Gender; joinedOn: string };
}

const committees: { name: string; branches: BranchSpec[] }[] = [
  {
    name: "城关镇党委",
    branches: [
      {
        name: "城关镇东街社区党支部",
        type: "community",
        size: 18,
        secretary: { name: "张志强", phone: "13800000003", gender: "male", joinedOn: "2003-07-01" },
      },
      {
        name: "城关镇南关村党支部",
        type: "village",
        size: 20,
        secretary: { name: "赵德明", phone: "13800000011", gender: "male", joinedOn: "1996-06-20" },
      },
      {
        name: "城关镇西关村党支部",
        type: "village",
        size: 16,
        secretary: { name: "孙海燕", phone: "13800000012", gender: "female", joinedOn: "2006-05-12" },
      },
    ],
  },
  {
    name: "河西街道党工委",
    branches: [
      {
        name: "河西街道幸福里社区党支部",
        type: "community",
        size: 17,
        secretary: { name: "周文斌", phone: "13800000013", gender: "male", joinedOn: "2001-11-08" },
      },
      {
        name: "河西街道机关党支部",
        type: "agency",
        size: 13,
        secretary: { name: "吴丽华", phone: "13800000014", gender: "female", joinedOn: "2004-04-16" },
      },
    ],
  },
  {
    name: "县直机关工委",
    branches: [
      {
        name: "县教育局机关党支部",
        type: "agency",
        size: 19,
        secretary: { name: "郑国强", phone: "13800000015", gender: "male", joinedOn: "1998-09-10" },
      },
      {
        name: "县直机关离退休干部党支部",
        type: "retired",
        size: 17,
        secretary: { name: "黄振华", phone: "13800000016", gender: "male", joinedOn: "1974-03-15" },
      },
    ],
  },
];

const communities: { name: string; grids: string[] }[] = [
  { name: "东街社区", grids: ["东街社区第一网格", "东街社区第二网格", "东街社区第三网格"] },
  { name: "幸福里社区", grids: ["幸福里社区第一网格", "幸福里社区第二网格"] },
];

/** Per branch type: chance of being retired and female; weights of being probationary and away (外出流动). */
const odds: Record<BranchType, { retired: number; away: number; probationary: number; female: number }> = {
  community: { retired: 0.4, away: 0.08, probationary: 0.08, female: 0.5 },
  village: { retired: 0.25, away: 0.2, probationary: 0.1, female: 0.3 },
  agency: { retired: 0, away: 0.04, probationary: 0.1, female: 0.4 },
  retired: { retired: 1, away: 0.05, probationary: 0, female: 0.35 },
};

// ---------------------------------------------------------------------------------------------------------
// Deterministic people

// Common surnames, the most frequent listed more than once so they come up more often.
const surnames = [
  ..."王李张刘陈王李张刘陈杨赵黄周吴杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董肖程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文",
];

// Given names by generation: members who joined long ago carry the names of their time.
const givenNames: Record<"old" | "middle" | "young", Record<Gender, string[]>> = {
  old: {
    male: "建国 建华 建军 国庆 国华 国栋 卫东 卫国 志刚 振国 德胜 保国 红军 爱国 学礼 永祥 永福 长顺 金山 玉林 树林 福生 广田 立新 向阳 胜利 援朝 宝山 春生 秋生 兴华 光明 明德 茂林 世昌 家旺".split(
      " ",
    ),
    female:
      "秀英 桂兰 淑珍 秀兰 玉兰 桂英 凤英 淑华 秀珍 玉珍 桂芳 素梅 凤兰 淑英 彩霞 金凤 美兰 春梅 冬梅 红梅 爱华 建英 玉梅 瑞芬 素芬 兰英 月娥 翠英".split(
        " ",
      ),
  },
  middle: {
    male: "伟 军 勇 磊 涛 斌 强 鹏 海涛 建平 晓东 海波 文斌 永强 俊杰 立军 学军 振宇 国伟 东升 长江 宏伟 新民 云飞 少华 明辉 晓明 建伟 志勇 成刚 利民 红兵 海龙 卫华".split(
      " ",
    ),
    female:
      "静 丽 敏 燕 艳 娟 霞 芳 玲 红 丽娟 海燕 晓燕 春燕 美玲 秀梅 雪梅 小红 晓丽 慧敏 丽萍 亚琴 玉霞 彩云 文静 丽娜 晓梅 红霞 桂香 利平".split(
        " ",
      ),
  },
  young: {
    male: "浩 宇 鑫 博 杰 昊 帅 超 浩然 宇航 子豪 俊熙 明轩 一鸣 天宇 嘉豪 志远 晨阳 文博 思远 梓豪 泽宇 皓轩 家乐 鹏飞 旭东 子轩 乐天".split(
      " ",
    ),
    female:
      "欣怡 雨涵 梦瑶 佳琪 思琪 诗涵 子涵 雅婷 婷婷 晓雪 梦琪 佳怡 雨欣 可馨 心怡 婧 璐 悦 倩 琳 蕾 思雨 一诺 若曦 晨曦 佳慧".split(
        " ",
      ),
  },
};

// Mobile prefixes of the three carriers; the 1380000xxxx block is kept for the named demo accounts.
const phonePrefixes = [
  "139",
  "138",
  "137",
  "136",
  "135",
  "134",
  "158",
  "159",
  "150",
  "151",
  "152",
  "187",
  "188",
  "182",
  "130",
  "131",
  "132",
  "155",
  "156",
  "186",
  "133",
  "153",
  "180",
  "181",
  "189",
  "177",
  "199",
];

const pad = (n: number) => String(n).padStart(2, "0");
const dateOf = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;

interface PersonRow {
  name: string;
  phone: string;
  activated: boolean;
  member?: {
    branch: number;
    gender: Gender;
    category: MemberCategory;
    presence: MemberPresence;
    employment: MemberEmployment;
    joinedOn: string;
  };
  grants: { role: RoleName; node: number }[];
}

interface NodeRow {
  kind: OrgKind;
  name: string;
  /** Index into the node list, not an id. */
  parent: number | null;
  retiredCadre: boolean;
}

/** The whole county as plain data, nodes referring to each other by index. */
function buildCounty(): { nodes: NodeRow[]; people: PersonRow[] } {
  const rand = prng(0x5eed2026);
  const nodes: NodeRow[] = [{ kind: "county", name: demoCounty.county, parent: null, retiredCadre: false }];
  const add = (row: NodeRow) => nodes.push(row) - 1;

  const committeeIdx: number[] = [];
  const branches: { idx: number; spec: BranchSpec }[] = [];
  for (const c of committees) {
    const ci = add({ kind: "committee", name: c.name, parent: 0, retiredCadre: false });
    committeeIdx.push(ci);
    for (const spec of c.branches) {
      branches.push({
        idx: add({ kind: "branch", name: spec.name, parent: ci, retiredCadre: spec.type === "retired" }),
        spec,
      });
    }
  }
  const gridIdx: number[] = [];
  for (const community of communities) {
    const ci = add({ kind: "community", name: community.name, parent: 0, retiredCadre: false });
    for (const grid of community.grids)
      gridIdx.push(add({ kind: "grid", name: grid, parent: ci, retiredCadre: false }));
  }

  const usedNames = new Set<string>();
  const usedPhones = new Set<string>();
  const people: PersonRow[] = [];
  const person = (row: PersonRow) => {
    usedNames.add(row.name);
    usedPhones.add(row.phone);
    people.push(row);
  };

  // The named accounts first (users 1–5 are 13800000001–5), so generated people never take their names or phones.
  const [countyAdmin, committeeAdmin, , member, gridWorker] = demoAccounts;
  const secretaryOf = ({ idx, spec }: (typeof branches)[number]): PersonRow => ({
    name: spec.secretary.name,
    phone: spec.secretary.phone,
    activated: true,
    member: {
      branch: idx,
      gender: spec.secretary.gender,
      category: "formal",
      presence: "home",
      employment: spec.type === "retired" ? "retired" : "in_office",
      joinedOn: spec.secretary.joinedOn,
    },
    grants: [{ role: "secretary", node: idx }],
  });
  person({
    name: countyAdmin.name,
    phone: countyAdmin.phone,
    activated: true,
    grants: [{ role: "county_admin", node: 0 }],
  });
  person({
    name: committeeAdmin.name,
    phone: committeeAdmin.phone,
    activated: true,
    grants: [{ role: "committee_admin", node: committeeIdx[0] }],
  });
  person(secretaryOf(branches[0]));
  person({
    name: member.name,
    phone: member.phone,
    activated: true,
    member: {
      branch: branches[0].idx,
      gender: "male",
      category: "formal",
      presence: "home",
      employment: "in_office",
      joinedOn: "2015-07-01",
    },
    grants: [],
  });
  person({
    name: gridWorker.name,
    phone: gridWorker.phone,
    activated: true,
    grants: [{ role: "grid_worker", node: gridIdx[0] }],
  });
  for (const branch of branches.slice(1)) person(secretaryOf(branch));
  const named = people.length;

  const newPhone = () => {
    for (;;) {
      const phone = rand.pick(phonePrefixes) + String(rand.int(0, 99_999_999)).padStart(8, "0");
      if (!phone.startsWith("1380000") && !usedPhones.has(phone)) return phone;
    }
  };

  // The rest of each branch, as slots; a fixed share of them is probationary (about 10% of all members)
  // and away (about 12%), drawn with weights by branch type so that the figures hold whatever the draw.
  const slots = branches.flatMap(({ idx, spec }) => {
    const already = people.filter((p) => p.member?.branch === idx).length;
    return Array.from({ length: spec.size - already }, () => ({ idx, type: spec.type }));
  });
  const memberCount = people.filter((p) => p.member).length + slots.length;
  // Weighted sampling without replacement: the k largest u^(1/w) win; weight 0 is never drawn.
  const sample = <T>(items: T[], weight: (item: T) => number, k: number): Set<T> =>
    new Set(
      items
        .map((item) => ({ item, key: weight(item) > 0 ? rand.next() ** (1 / weight(item)) : -1 }))
        .sort((a, b) => b.key - a.key)
        .slice(0, k)
        .map((x) => x.item),
    );
  const probationarySlots = sample(slots, (s) => odds[s.type].probationary, Math.round(0.1 * memberCount));
  const awaySlots = sample(slots, (s) => odds[s.type].away, Math.round(0.12 * memberCount));

  for (const slot of slots) {
    const o = odds[slot.type];
    const gender: Gender = rand.chance(o.female) ? "female" : "male";
    const probationary = probationarySlots.has(slot);
    const retired = !probationary && rand.chance(o.retired);
    // Probationary members joined within the year before the demo's reference date (2026-11).
    let joinedOn: string;
    if (probationary) {
      const month = rand.int(0, 10); // 2025-12 … 2026-10
      joinedOn = dateOf(month === 0 ? 2025 : 2026, month === 0 ? 12 : month, rand.int(1, 28));
    } else if (retired) {
      joinedOn = dateOf(rand.int(1966, 1998), rand.int(1, 12), rand.int(1, 28));
    } else {
      joinedOn = dateOf(rand.int(1992, 2024), rand.int(1, 12), rand.int(1, 28));
    }
    const year = Number(joinedOn.slice(0, 4));
    const generation = retired || year < 1992 ? "old" : year < 2010 ? "middle" : "young";
    let name: string;
    do name = rand.pick(surnames) + rand.pick(givenNames[generation][gender]);
    while (usedNames.has(name));
    person({
      name,
      phone: newPhone(),
      activated: false, // decided below
      member: {
        branch: slot.idx,
        gender,
        category: probationary ? "probationary" : "formal",
        presence: awaySlots.has(slot) ? "away" : "home",
        employment: retired ? "retired" : "in_office",
        joinedOn,
      },
      grants: [],
    });
  }

  // Exactly half of the generated members have activated their accounts, a random half.
  const generated = people.slice(named);
  for (let i = generated.length - 1; i > 0; i--) {
    const j = rand.int(0, i);
    [generated[i], generated[j]] = [generated[j], generated[i]];
  }
  for (const p of generated.slice(0, Math.round(generated.length / 2))) p.activated = true;
  return { nodes, people };
}

// ---------------------------------------------------------------------------------------------------------
// Writing it

// One Argon2id hash (~50 ms) shared by every activated demo account, and by every seed in this process.
let demoHash: Promise<string> | undefined;

async function insertCounty(tx: Db): Promise<Record<string, number>> {
  demoHash ??= hashPassword(demoPassword);
  const passwordHash = await demoHash;
  const { nodes, people } = buildCounty();

  // Take the ids from the sequence first, so each node is inserted with its final path in one statement.
  const ids = (
    await tx
      .select({ id: sql<number>`nextval(pg_get_serial_sequence('org_nodes', 'id'))::int` })
      .from(sql`generate_series(1, ${nodes.length})`)
  ).map((r) => Number(r.id));
  const paths: string[] = [];
  for (const [i, n] of nodes.entries()) paths[i] = `${n.parent === null ? "/" : paths[n.parent]}${ids[i]}/`;
  await tx.insert(orgNodes).values(
    nodes.map((n, i) => ({
      id: ids[i],
      kind: n.kind,
      name: n.name,
      parentId: n.parent === null ? null : ids[n.parent],
      path: paths[i],
      retiredCadre: n.retiredCadre,
    })),
  );

  const inserted = await tx
    .insert(users)
    .values(people.map((p) => ({ name: p.name, phone: p.phone, passwordHash: p.activated ? passwordHash : null })))
    .returning({ id: users.id, phone: users.phone });
  const userId = new Map(inserted.map((u) => [u.phone, u.id]));

  const memberRows = people.flatMap((p) =>
    p.member ? [{ ...p.member, userId: userId.get(p.phone)!, branchId: ids[p.member.branch] }] : [],
  );
  await tx.insert(members).values(memberRows.map(({ branch: _, ...row }) => row));
  const grantRows = people.flatMap((p) =>
    p.grants.map((g) => ({ userId: userId.get(p.phone)!, role: g.role, nodeId: ids[g.node] })),
  );
  await tx.insert(roleGrants).values(grantRows);

  const node = (kind: OrgKind, name?: string) =>
    ids[nodes.findIndex((n) => n.kind === kind && (name === undefined || n.name === name))];
  const homeBranch = node("branch", demoCounty.firstBranch);
  // Generated members only: the named accounts keep a clean slate for the journeys that start from nothing.
  const named = new Set(people.filter((p) => p.phone.startsWith("1380000")).map((p) => userId.get(p.phone)));
  const community = await insertCommunityDemo(tx, {
    communityIds: nodes.flatMap((n, i) => (n.kind === "community" ? [ids[i]] : [])),
    communityId: node("community"),
    gridId: node("grid", demoCounty.firstGrid),
    gridWorkerId: userId.get(demoAccounts[4].phone)!,
    memberIds: memberRows
      .filter(
        (r) =>
          r.branchId === homeBranch && r.employment === "in_office" && r.presence === "home" && !named.has(r.userId),
      )
      .map((r) => r.userId),
  });

  // The named demo accounts have read the current privacy notice, so a demo opens on the app; everyone else
  // (the generated members, anyone activated later) is shown it at their first page (proxy.ts).
  await tx
    .insert(privacyAcknowledgements)
    .values([...named].map((userId) => ({ userId: userId!, version: PRIVACY_VERSION })));
  const dues = await insertDuesDemo(
    tx,
    memberRows.filter((r) => !named.has(r.userId)),
  );

  const counts = {
    nodes: nodes.length,
    committees: nodes.filter((n) => n.kind === "committee").length,
    branches: nodes.filter((n) => n.kind === "branch").length,
    communities: nodes.filter((n) => n.kind === "community").length,
    grids: nodes.filter((n) => n.kind === "grid").length,
    users: people.length,
    members: memberRows.length,
    activated: people.filter((p) => p.activated).length,
    roleGrants: grantRows.length,
    ...community,
    ...dues,
  };
  await tx.insert(auditLog).values({
    action: "seed.demo",
    actorId: null,
    targetType: "org_node",
    targetId: String(ids[0]),
    nodePath: paths[0],
    outcome: "ok",
    detail: counts,
  });
  return counts;
}

/**
 * Wipes every app table and writes the demo county, in one transaction. TRUNCATE ... CASCADE also empties
 * every table that references these (activities, leave, points ...), and fires no row triggers, so the
 * append-only audit_log can be emptied too. Returns what it wrote.
 */
export async function seedDemo(db: Db): Promise<Record<string, number>> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`truncate table org_nodes, users, members, role_grants, activation_codes, audit_log restart identity cascade`,
    );
    // The rules' defaults come with the migrations; versions an admin added go with the people who made them.
    await tx.execute(sql`delete from point_rules where created_by is not null`);
    return insertCounty(tx);
  });
}

/**
 * Seeds only an empty database (no org node yet); returns whether it did. Several app instances may start
 * together on one PostgreSQL server: the advisory lock lets one seed while the others wait, then find rows.
 */
export async function seedIfEmpty(db: Db): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('zhibu-seed'))`);
    const [{ n }] = await tx.select({ n: count() }).from(orgNodes);
    if (n > 0) return false;
    await insertCounty(tx);
    return true;
  });
}

/** The members of one demo branch as the seed makes them: journeys sign in as generated members with these. */
export function demoMembersOf(branchName: string): { name: string; phone: string; activated: boolean }[] {
  const { nodes, people } = buildCounty();
  const branch = nodes.findIndex((n) => n.kind === "branch" && n.name === branchName);
  return people
    .filter((p) => p.member?.branch === branch)
    .map((p) => ({ name: p.name, phone: p.phone, activated: p.activated }));
}
