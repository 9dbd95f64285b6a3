import { and, asc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { MinutesRecord } from "@/lib/minutes";
import type { Scope } from "@/lib/scope";
import { reviewerPaths } from "@/lib/scope-paths";
import { monthRange } from "@/lib/time";
import type { Db } from "../open";
import { activities } from "../schema/activities";
import { minutes, minutesAddenda, minutesAttachments } from "../schema/minutes";
import { orgNodes } from "../schema/org";
import { users } from "../schema/users";
import { loadBranch } from "./branch";
import { recordedFacts } from "./minutes";
import { pathUnder } from "./scope-sql";

/** The instants a period covers: a month (2026-11) or a whole year, in Shanghai. */
export function periodRange(period: { month: string } | { year: number }) {
  if ("month" in period) return monthRange(period.month);
  return { from: monthRange(`${period.year}-01`).from, to: monthRange(`${period.year}-12`).to };
}

/**
 * A branch's 台账 for one year: every closed activity of the year in order, each with its facts (as signed,
 * or as recorded now when not signed yet) and what people wrote. For the branch's secretary and the admins above.
 */
export async function branchLedger(db: Db, scope: Scope, branchId: number, year: number) {
  const branch = await loadBranch(db, scope, branchId);
  const { from, to } = periodRange({ year });
  const chair = sql<string | null>`(select name from users u where u.id = ${minutes.chairId})`;
  const recorder = sql<string | null>`(select name from users u where u.id = ${minutes.recorderId})`;
  const rows = await db
    .select({ activity: activities, minutes, chairName: chair, recorderName: recorder, signedByName: users.name })
    .from(activities)
    .leftJoin(minutes, eq(minutes.activityId, activities.id))
    .leftJoin(users, eq(users.id, minutes.signedBy))
    .where(
      and(
        eq(activities.branchId, branch.id),
        eq(activities.status, "closed"),
        gte(activities.startsAt, from),
        lt(activities.startsAt, to),
      ),
    )
    .orderBy(asc(activities.startsAt), asc(activities.id));
  const ids = rows.flatMap((r) => (r.minutes ? [r.minutes.id] : []));
  const addenda = ids.length
    ? await db
        .select({
          minutesId: minutesAddenda.minutesId,
          body: minutesAddenda.body,
          at: minutesAddenda.createdAt,
          by: users.name,
        })
        .from(minutesAddenda)
        .innerJoin(users, eq(users.id, minutesAddenda.createdBy))
        .where(inArray(minutesAddenda.minutesId, ids))
        .orderBy(asc(minutesAddenda.id))
    : [];
  const attached = ids.length
    ? await db
        .select({ minutesId: minutesAttachments.minutesId, n: sql<number>`count(*)::int` })
        .from(minutesAttachments)
        .where(inArray(minutesAttachments.minutesId, ids))
        .groupBy(minutesAttachments.minutesId)
    : [];
  const entries: (MinutesRecord & { activityId: number })[] = [];
  for (const r of rows) {
    const m = r.minutes;
    entries.push({
      activityId: r.activity.id,
      facts: m?.facts ?? (await recordedFacts(db, { ...r.activity, branchPath: branch.path, branchName: branch.name })),
      chairName: r.chairName,
      recorderName: r.recorderName,
      discussion: m?.discussion ?? "",
      resolutions: m?.resolutions ?? "",
      attachments: attached.find((a) => a.minutesId === m?.id)?.n ?? 0,
      addenda: addenda.filter((a) => a.minutesId === m?.id),
      signedByName: m?.signedAt ? r.signedByName : null,
      signedAt: m?.signedAt ?? null,
    });
  }
  return { branch, year, entries };
}

/**
 * The county's view of the branches' records for a month or a year: per branch the activities held (closed),
 * how many of them have signed minutes, and which do not, and the yearly 组织生活会 and 民主评议党员 held. A
 * branch that held none, has minutes missing or, over a year, held no 组织生活会 or 民主评议, is a deviation
 * (docs/architecture.md#minutes). For committee and county admins, over the branches they review.
 */
export async function recordsOverview(db: Db, scope: Scope, period: { month: string } | { year: number }) {
  const paths = reviewerPaths(scope);
  const { from, to } = periodRange(period);
  const rows = await db
    .select({
      branchId: orgNodes.id,
      branchName: orgNodes.name,
      activityId: activities.id,
      title: activities.title,
      type: activities.type,
      startsAt: activities.startsAt,
      signedAt: minutes.signedAt,
    })
    .from(orgNodes)
    .leftJoin(
      activities,
      and(
        eq(activities.branchId, orgNodes.id),
        eq(activities.status, "closed"),
        gte(activities.startsAt, from),
        lt(activities.startsAt, to),
      ),
    )
    .leftJoin(minutes, eq(minutes.activityId, activities.id))
    .where(and(eq(orgNodes.kind, "branch"), pathUnder(orgNodes.path, paths)))
    .orderBy(asc(orgNodes.path), asc(activities.startsAt));
  const branches = new Map<
    number,
    {
      branchId: number;
      branchName: string;
      held: number;
      signed: number;
      orgLife: number;
      reviews: number;
      missing: { activityId: number; title: string; type: string; startsAt: Date }[];
    }
  >();
  for (const r of rows) {
    const b = branches.get(r.branchId) ?? {
      branchId: r.branchId,
      branchName: r.branchName,
      held: 0,
      signed: 0,
      orgLife: 0,
      reviews: 0,
      missing: [],
    };
    branches.set(r.branchId, b);
    if (r.activityId == null || !r.startsAt || !r.title || !r.type) continue;
    b.held += 1;
    if (r.type === "org_life_meeting") b.orgLife += 1;
    if (r.type === "member_review") b.reviews += 1;
    if (r.signedAt) b.signed += 1;
    else b.missing.push({ activityId: r.activityId, title: r.title, type: r.type, startsAt: r.startsAt });
  }
  const yearly = "year" in period;
  return [...branches.values()].map((b) => ({
    ...b,
    deviation: b.held === 0 || b.missing.length > 0 || (yearly && (b.orgLife === 0 || b.reviews === 0)),
  }));
}
