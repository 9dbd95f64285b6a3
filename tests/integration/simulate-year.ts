import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/open";
import { activityForSecretary, closeActivity, markStep, recordDues } from "@/db/queries/activity-run";
import { proxyCheckIn } from "@/db/queries/checkins";
import { decideReport, fileReport } from "@/db/queries/community";
import { declareBase } from "@/db/queries/dues-ledger";
import { decideLeave, fileLeave } from "@/db/queries/leave";
import { publishPlan } from "@/db/queries/plans";
import { loadSessionUser } from "@/db/queries/session";
import { recordHours } from "@/db/queries/volunteer-hours";
import { activities } from "@/db/schema/activities";
import { orgNodes } from "@/db/schema/org";
import { members } from "@/db/schema/users";
import type { Scope } from "@/lib/scope";

/** A small seeded PRNG, so a failing run can be replayed. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = Math.imul(s ^ (s >>> 15), 1 | s);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const at = (iso: string) => new Date(`${iso}+08:00`);
const pad = (n: number) => String(n).padStart(2, "0");

/**
 * Plays a year of the home branch through the real queries: 12 theme days (the 15th at 09:00) where each
 * expected member comes, comes late, asks for leave (approved) or stays away, dues paid by some of those who
 * come, every activity closed; and volunteer hours for the branch's in-office members reported to the demo
 * grid. Returns what happened, so a test can work out the points independently of the ledger.
 */
export async function simulateYear(
  db: Db,
  people: { admin: Scope; secretary: Scope; gridWorker: Scope; branchId: number; gridName: string },
  year: number,
  seed = 1,
) {
  const random = prng(seed);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
  const outcomes: {
    memberId: number;
    month: number;
    outcome: "present" | "late" | "leave" | "absent";
    dues: boolean;
  }[] = [];
  const hours: { memberId: number; servedOn: string; halfHours: number }[] = [];

  // Dues are taken at what is due, so every member of the branch has a base from January.
  const home = await db.select({ id: members.userId }).from(members).where(eq(members.branchId, people.branchId));
  for (const m of home)
    await declareBase(db, people.secretary, {
      memberId: m.id,
      kind: "in_work",
      fromMonth: `${year}-01`,
      baseFen: 2_000_00,
    });

  for (let month = 1; month <= 12; month++) {
    const startsAt = at(`${year}-${pad(month)}-15T09:00:00`);
    const { planId } = await publishPlan(
      db,
      people.admin,
      {
        title: `${month}月主题党日`,
        startsAt,
        durationMinutes: 120,
        materials: "",
        links: [],
        items: [{ title: "集中学习", mandatory: false }],
      },
      new Date(startsAt.getTime() - 20 * 86_400_000),
    );
    const [activity] = await db
      .select()
      .from(activities)
      .where(and(eq(activities.planId, planId), eq(activities.branchId, people.branchId)));
    const before = new Date(startsAt.getTime() - 86_400_000);
    const during = new Date(startsAt.getTime() + 30 * 60_000);
    const { roster, steps } = await activityForSecretary(db, people.secretary, activity.id, before);
    for (const row of roster.filter((r) => r.expected)) {
      // A secretary's own leave goes to the committee; the simulation keeps to what the secretary decides.
      const self = row.memberId === people.secretary.userId;
      const outcome = pick(
        self
          ? (["present", "late", "absent"] as const)
          : (["present", "present", "present", "late", "leave", "absent"] as const),
      );
      let dues = false;
      if (outcome === "leave") {
        const member = (await loadSessionUser(db, row.memberId))!.scope;
        const leave = await fileLeave(
          db,
          member,
          { clientId: randomUUID(), activityId: activity.id, type: "personal", reason: "外出办事", late: false },
          before,
        );
        await decideLeave(db, people.secretary, { leaveId: leave.id, decision: "approve", comment: "" }, before);
      } else if (outcome !== "absent") {
        await proxyCheckIn(
          db,
          people.secretary,
          { activityId: activity.id, memberId: row.memberId, reason: "模拟", late: outcome === "late" },
          during,
        );
        dues = random() < 0.7;
        if (dues) await recordDues(db, people.secretary, { activityId: activity.id, memberId: row.memberId }, during);
      }
      outcomes.push({ memberId: row.memberId, month, outcome, dues });
    }
    for (const s of steps.filter((s) => s.mandatory))
      await markStep(db, people.secretary, { stepId: s.id, done: true }, during);
    // Whoever closes ran it and counts present (主持): a month the secretary missed is closed by the county.
    const secretaryAbsent = outcomes.some(
      (o) => o.month === month && o.memberId === people.secretary.userId && o.outcome === "absent",
    );
    await closeActivity(
      db,
      secretaryAbsent ? people.admin : people.secretary,
      { activityId: activity.id },
      new Date(startsAt.getTime() + 3 * 3600_000),
    );
  }

  // Service: in-office members report to the demo grid, then serve a few times a month.
  const [grid] = await db.select().from(orgNodes).where(eq(orgNodes.name, people.gridName));
  const inOffice = await db
    .select({ userId: members.userId })
    .from(members)
    .where(and(eq(members.branchId, people.branchId), eq(members.employment, "in_office")));
  const serving: Scope[] = [];
  for (const { userId } of inOffice.slice(0, 6)) {
    const member = (await loadSessionUser(db, userId))!.scope;
    try {
      const { id } = await fileReport(db, member, { gridId: grid.id, postIds: [], note: undefined });
      await decideReport(db, people.gridWorker, { reportId: id, decision: "confirm", comment: "" });
    } catch {
      // Already reported (the demo seeds some): serve from that report.
    }
    serving.push(member);
  }
  for (let month = 1; month <= 12; month++) {
    for (const member of serving) {
      for (let k = 0; k < 1 + Math.floor(random() * 4); k++) {
        const servedOn = `${year}-${pad(month)}-${pad(1 + Math.floor(random() * 27))}`;
        const halfHours = 2 + Math.floor(random() * 14);
        try {
          await recordHours(db, people.gridWorker, {
            clientId: randomUUID(),
            memberId: member.userId,
            servedOn,
            hours: halfHours,
            description: "环境整治",
          });
          hours.push({ memberId: member.userId, servedOn, halfHours });
        } catch {
          // Over the 12 hours of that day: refused, as it should be; nothing was written.
        }
      }
    }
  }
  return { outcomes, hours };
}
