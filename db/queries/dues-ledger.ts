import { and, asc, eq, inArray, isNull, notExists, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { type BaseFrom, baseFor, DUES_RATE_TABLES, monthlyDue, monthsBetween, yuan } from "@/lib/dues";
import type { DuesChannel } from "@/lib/enums";
import { AppError } from "@/lib/errors";
import { t } from "@/lib/messages";
import { canDeclareDuesBase, canRecordDues, canSeeDuesBase } from "@/lib/permissions";
import type { Scope } from "@/lib/scope";
import { monthOf, shiftMonth } from "@/lib/time";
import type { Db } from "../open";
import { duesBases, duesEntries } from "../schema/dues";
import { orgNodes } from "../schema/org";
import { members, users } from "../schema/users";
import { writeAudit } from "./audit";

/** Payments may be taken up to this many months ahead of the current one (预缴). */
export const MAX_MONTHS_AHEAD = 12;

export interface DuesMember {
  userId: number;
  name: string;
  branchId: number;
  branchPath: string;
}

/** A member and their branch; not found for anyone without a member record. */
export async function loadDuesMember(db: Db, memberId: number, lock = false): Promise<DuesMember> {
  const query = db
    .select({ userId: members.userId, name: users.name, branchId: members.branchId, branchPath: orgNodes.path })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .innerJoin(orgNodes, eq(orgNodes.id, members.branchId))
    .where(eq(members.userId, memberId));
  // Locking the member's row serialises two secretaries paying for the same member at once: the second
  // sees the first's entry and is refused, so a month is never paid twice
  // (docs/architecture.md#a-request-from-the-phone-to-the-database).
  const [row] = lock ? await query.for("update", { of: members }) : await query;
  if (!row) throw new AppError("not_found");
  return row;
}

/** Every base a member has declared, oldest first (ties by id, so the later declaration wins). */
export async function basesOf(db: Db, memberIds: number[]): Promise<Map<number, BaseFrom[]>> {
  const out = new Map<number, BaseFrom[]>();
  if (memberIds.length === 0) return out;
  const rows = await db
    .select()
    .from(duesBases)
    .where(inArray(duesBases.memberId, memberIds))
    .orderBy(asc(duesBases.fromMonth), asc(duesBases.id));
  for (const r of rows) {
    const list = out.get(r.memberId) ?? [];
    list.push({ kind: r.kind, baseFen: r.baseFen, fromMonth: r.fromMonth });
    out.set(r.memberId, list);
  }
  return out;
}

const reversal = alias(duesEntries, "reversal");

/** Payments that stand: positive and not reversed. */
const standingPayment = and(
  isNull(duesEntries.reversesId),
  notExists(sql`(select 1 from ${duesEntries} ${reversal} where ${reversal.reversesId} = ${duesEntries.id})`),
);

/** What each member paid at an activity and still stands, by name: the minutes' dues (db/queries/minutes.ts). */
export function duesAtActivity(db: Db, activityId: number) {
  return db
    .select({
      memberId: duesEntries.memberId,
      name: users.name,
      amountFen: sql<number>`sum(${duesEntries.amountFen})::int`,
    })
    .from(duesEntries)
    .innerJoin(users, eq(users.id, duesEntries.memberId))
    .where(and(eq(duesEntries.activityId, activityId), standingPayment))
    .groupBy(duesEntries.memberId, users.name)
    .orderBy(asc(sql`${users.name} collate "C"`), asc(duesEntries.memberId));
}

/** The payments taken at an activity that still stand: what closing it awards the on-time point for. */
export function paidAtActivity(db: Db, activityId: number) {
  return db
    .select({ id: duesEntries.id, memberId: duesEntries.memberId })
    .from(duesEntries)
    .where(and(eq(duesEntries.activityId, activityId), standingPayment));
}

/** What is due for each month, from the member's bases; refused for a month no base governs. */
async function dueFor(db: Db, memberId: number, months: string[]) {
  const bases = (await basesOf(db, [memberId])).get(memberId) ?? [];
  return months.map((month) => {
    const base = baseFor(bases, month);
    const due = base && monthlyDue(DUES_RATE_TABLES, base, month);
    if (!due)
      throw new AppError("bad_request", t.dues.monthBeforeBase(month), { fromMonth: t.dues.monthBeforeBase(month) });
    return { month, dueFen: due.fen };
  });
}

export interface Payment {
  months: string[];
  /** Per month; undefined takes what is due. */
  amountFen?: number;
  payerName?: string;
  note?: string;
  clientId?: string;
  channel: DuesChannel;
  activityId?: number;
}

/**
 * Writes one payment (one entry per month) for a member whose scope the caller has already checked, inside
 * the caller's transaction. A replay of the same `clientId` answers the entries it made; a month that already
 * has a standing payment is a conflict; less than due needs a note (the rules: more, never less, without a
 * reason the secretary records).
 */
export async function takePayment(tx: Db, scope: Scope, member: DuesMember, payment: Payment, now: Date) {
  if (payment.clientId) {
    const earlier = await tx.select().from(duesEntries).where(eq(duesEntries.clientId, payment.clientId));
    if (earlier.length) {
      if (earlier.some((e) => e.memberId !== member.userId)) throw new AppError("conflict", t.dues.clientReused);
      return { entryIds: earlier.map((e) => e.id), replay: true };
    }
  }
  if (payment.months.some((m) => m > shiftMonth(monthOf(now), MAX_MONTHS_AHEAD)))
    throw new AppError("bad_request", t.dues.monthTooFar, { fromMonth: t.dues.monthTooFar });
  const dues = await dueFor(tx, member.userId, payment.months);
  const paid = await tx
    .select({ month: duesEntries.month })
    .from(duesEntries)
    .where(and(eq(duesEntries.memberId, member.userId), inArray(duesEntries.month, payment.months), standingPayment));
  if (paid.length) throw new AppError("conflict", t.dues.alreadyPaid(paid[0].month));
  for (const d of dues) {
    const amount = payment.amountFen ?? d.dueFen;
    if (amount < d.dueFen && !payment.note)
      throw new AppError("bad_request", t.dues.lessNeedsReason(yuan(d.dueFen)), {
        note: t.dues.lessNeedsReason(yuan(d.dueFen)),
      });
    if (amount <= 0) throw new AppError("bad_request", t.dues.amountInvalid, { amount: t.dues.amountInvalid });
  }
  const rows = await tx
    .insert(duesEntries)
    .values(
      dues.map((d) => ({
        memberId: member.userId,
        branchId: member.branchId,
        month: d.month,
        amountFen: payment.amountFen ?? d.dueFen,
        dueFen: d.dueFen,
        channel: payment.channel,
        activityId: payment.activityId ?? null,
        payerName: payment.payerName ?? null,
        note: payment.note ?? null,
        clientId: payment.clientId ?? null,
        recordedBy: scope.userId,
        recordedAt: now,
      })),
    )
    .returning({ id: duesEntries.id });
  return { entryIds: rows.map((r) => r.id), replay: false };
}

/** A payment taken by the secretary after the day, ahead for several months, or from someone else (代缴). */
export async function recordPayment(
  db: Db,
  scope: Scope,
  input: {
    clientId: string;
    memberId: number;
    fromMonth: string;
    months: number;
    amount?: number;
    payerName?: string;
    note?: string;
  },
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const member = await loadDuesMember(tx, input.memberId, true);
    if (!canRecordDues(scope, member.branchPath)) throw new AppError("forbidden");
    const months = monthsBetween(input.fromMonth, shiftMonth(input.fromMonth, input.months - 1));
    const result = await takePayment(
      tx,
      scope,
      member,
      {
        months,
        amountFen: input.amount,
        payerName: input.payerName,
        note: input.note,
        clientId: input.clientId,
        channel: "secretary",
      },
      now,
    );
    if (!result.replay)
      await writeAudit(tx, {
        actorId: scope.userId,
        action: "dues.pay",
        targetType: "member",
        targetId: member.userId,
        nodePath: member.branchPath,
        detail: { months, amountFen: input.amount ?? null, payer: input.payerName ?? null, entries: result.entryIds },
      });
    return result;
  });
}

/** A correction: a new entry that cancels an earlier payment, with the reason; the month can then be paid again. */
export async function reverseEntry(db: Db, scope: Scope, input: { entryId: number; note: string }, now = new Date()) {
  return db.transaction(async (tx) => {
    const [entry] = await tx.select().from(duesEntries).where(eq(duesEntries.id, input.entryId));
    if (!entry) throw new AppError("not_found");
    const member = await loadDuesMember(tx, entry.memberId, true);
    const [branch] = await tx.select({ path: orgNodes.path }).from(orgNodes).where(eq(orgNodes.id, entry.branchId));
    // The branch that took the money corrects it, whether or not the member has moved since.
    if (!canRecordDues(scope, branch.path)) throw new AppError("forbidden");
    if (entry.reversesId !== null) throw new AppError("conflict", t.dues.notAPayment);
    const [already] = await tx
      .select({ id: duesEntries.id })
      .from(duesEntries)
      .where(eq(duesEntries.reversesId, entry.id));
    if (already) throw new AppError("conflict", t.dues.alreadyReversed);
    const [row] = await tx
      .insert(duesEntries)
      .values({
        memberId: entry.memberId,
        branchId: entry.branchId,
        month: entry.month,
        amountFen: -entry.amountFen,
        dueFen: entry.dueFen,
        channel: entry.channel,
        activityId: entry.activityId,
        note: input.note,
        reversesId: entry.id,
        recordedBy: scope.userId,
        recordedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: duesEntries.id });
    if (!row) throw new AppError("conflict", t.dues.alreadyReversed);
    await writeAudit(tx, {
      actorId: scope.userId,
      action: "dues.reverse",
      targetType: "dues_entry",
      targetId: entry.id,
      nodePath: branch.path,
      detail: { memberId: member.userId, month: entry.month, amountFen: entry.amountFen, reason: input.note },
    });
    return { entryId: row.id };
  });
}

/** The member declares their base (or the secretary or county for them), in force from a month on. */
export async function declareBase(
  db: Db,
  scope: Scope,
  input: { memberId: number; kind: BaseFrom["kind"]; fromMonth: string; baseFen: number | null },
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const member = await loadDuesMember(tx, input.memberId);
    if (!canDeclareDuesBase(scope, { userId: member.userId, branchPath: member.branchPath }))
      throw new AppError("forbidden");
    const [row] = await tx
      .insert(duesBases)
      .values({
        memberId: member.userId,
        fromMonth: input.fromMonth,
        kind: input.kind,
        baseFen: input.baseFen,
        declaredBy: scope.userId,
        declaredAt: now,
      })
      .returning({ id: duesBases.id });
    // The amount is not in the audit detail: the log is read more widely than the base may be.
    await writeAudit(tx, {
      actorId: scope.userId,
      action: "dues.base.declare",
      targetType: "member",
      targetId: member.userId,
      nodePath: member.branchPath,
      detail: { kind: input.kind, fromMonth: input.fromMonth, byMember: scope.userId === member.userId },
    });
    return { baseId: row.id };
  });
}

/** One member's whole base, for their secretary or the county; every reveal is audited, like a phone's. */
export async function revealBase(db: Db, scope: Scope, input: { memberId: number }, now = new Date()) {
  const member = await loadDuesMember(db, input.memberId);
  if (!canSeeDuesBase(scope, { userId: member.userId, branchPath: member.branchPath })) throw new AppError("forbidden");
  const bases = (await basesOf(db, [member.userId])).get(member.userId) ?? [];
  const base = baseFor(bases, monthOf(now));
  await writeAudit(db, {
    actorId: scope.userId,
    action: "dues.base.reveal",
    targetType: "member",
    targetId: member.userId,
    nodePath: member.branchPath,
  });
  return { baseFen: base?.baseFen ?? null, kind: base?.kind ?? null };
}

/**
 * For each member, what is due for one month and what stands paid for it (null when nothing is): what the
 * theme day's dues step shows beside each name, for whoever may read that activity's roster.
 */
export async function monthDues(db: Db, memberIds: number[], month: string) {
  const out = new Map<number, { dueFen: number | null; paidFen: number | null }>();
  if (memberIds.length === 0) return out;
  const bases = await basesOf(db, memberIds);
  const paid = await db
    .select({ memberId: duesEntries.memberId, fen: sql<number>`sum(${duesEntries.amountFen})::int` })
    .from(duesEntries)
    .where(and(inArray(duesEntries.memberId, memberIds), eq(duesEntries.month, month), standingPayment))
    .groupBy(duesEntries.memberId);
  const paidOf = new Map(paid.map((p) => [p.memberId, p.fen]));
  for (const id of memberIds) {
    const base = baseFor(bases.get(id) ?? [], month);
    const due = base ? monthlyDue(DUES_RATE_TABLES, base, month) : null;
    out.set(id, { dueFen: due?.fen ?? null, paidFen: paidOf.get(id) ?? null });
  }
  return out;
}
