import { and, asc, desc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  arrearsFlag,
  type BaseFrom,
  baseFor,
  DUES_RATE_TABLES,
  type DuesStanding,
  monthlyDue,
  standing,
  yuan,
} from "@/lib/dues";
import { AppError } from "@/lib/errors";
import { t } from "@/lib/messages";
import { canReadDues, canRecordDues, canSeeDuesBase } from "@/lib/permissions";
import type { Scope } from "@/lib/scope";
import { reviewerPaths } from "@/lib/scope-paths";
import { monthOf, monthRange } from "@/lib/time";
import type { Db } from "../open";
import { duesEntries } from "../schema/dues";
import { orgNodes } from "../schema/org";
import { members, users } from "../schema/users";
import { writeAudit } from "./audit";
import { basesOf, loadDuesMember } from "./dues-ledger";
import { notify } from "./notify";
import { loadNode } from "./org";
import { pathUnder } from "./scope-sql";

/** Net paid per month per member (reversals count negative, so a reversed payment nets to nothing). */
async function paidByMonthOf(db: Db, memberIds: number[]) {
  const out = new Map<number, Map<string, number>>();
  if (memberIds.length === 0) return out;
  const rows = await db
    .select({
      memberId: duesEntries.memberId,
      month: duesEntries.month,
      fen: sql<number>`sum(${duesEntries.amountFen})::int`,
    })
    .from(duesEntries)
    .where(inArray(duesEntries.memberId, memberIds))
    .groupBy(duesEntries.memberId, duesEntries.month);
  for (const r of rows) {
    const months = out.get(r.memberId) ?? new Map<string, number>();
    if (r.fen !== 0) months.set(r.month, r.fen);
    out.set(r.memberId, months);
  }
  return out;
}

interface Standings {
  bases: Map<number, BaseFrom[]>;
  paid: Map<number, Map<string, number>>;
  of(memberId: number): DuesStanding;
}

async function standingsOf(db: Db, memberIds: number[], asOf: string): Promise<Standings> {
  const [bases, paid] = await Promise.all([basesOf(db, memberIds), paidByMonthOf(db, memberIds)]);
  return {
    bases,
    paid,
    of: (id) => standing(DUES_RATE_TABLES, bases.get(id) ?? [], paid.get(id) ?? new Map(), asOf),
  };
}

const recorder = alias(users, "recorder");

async function entriesOf(db: Db, memberId: number) {
  return db
    .select({
      id: duesEntries.id,
      month: duesEntries.month,
      amountFen: duesEntries.amountFen,
      dueFen: duesEntries.dueFen,
      channel: duesEntries.channel,
      payerName: duesEntries.payerName,
      note: duesEntries.note,
      reversesId: duesEntries.reversesId,
      recordedAt: duesEntries.recordedAt,
      recordedBy: recorder.name,
    })
    .from(duesEntries)
    .innerJoin(recorder, eq(recorder.id, duesEntries.recordedBy))
    .where(eq(duesEntries.memberId, memberId))
    .orderBy(desc(duesEntries.month), desc(duesEntries.id));
}

/** One member's dues: base (whole to those who may see it), this month's amount, standing and ledger. */
async function duesOf(db: Db, member: { userId: number; branchPath: string }, showBase: boolean, now: Date) {
  const month = monthOf(now);
  const standings = await standingsOf(db, [member.userId], month);
  const bases = standings.bases.get(member.userId) ?? [];
  const base = baseFor(bases, month);
  const due = base ? monthlyDue(DUES_RATE_TABLES, base, month) : null;
  const s = standings.of(member.userId);
  const entries = await entriesOf(db, member.userId);
  const reversed = new Set(entries.filter((e) => e.reversesId !== null).map((e) => e.reversesId));
  return {
    month,
    base: base ? { kind: base.kind, fromMonth: base.fromMonth, baseFen: showBase ? base.baseFen : null } : null,
    due,
    standing: s,
    flag: arrearsFlag(s.monthsOwed.length),
    entries: entries.map((e) => ({ ...e, reversed: reversed.has(e.id) })),
  };
}

/** The caller's own dues, for 我的: the one place a base is shown without a reveal. */
export async function myDues(db: Db, scope: Scope, now = new Date()) {
  if (!scope.member) throw new AppError("not_found");
  return duesOf(db, { userId: scope.userId, branchPath: scope.member.branchPath }, true, now);
}

/** A member's dues for their secretary (or the county): the base stays masked until revealed (revealBase). */
export async function memberDues(db: Db, scope: Scope, memberId: number, now = new Date()) {
  const member = await loadDuesMember(db, memberId);
  if (!canReadDues(scope, member.branchPath)) throw new AppError("forbidden");
  const dues = await duesOf(db, member, false, now);
  return {
    member,
    ...dues,
    canRecord: canRecordDues(scope, member.branchPath),
    canSeeBase: canSeeDuesBase(scope, member),
  };
}

export interface SheetRow {
  memberId: number;
  name: string;
  kind: BaseFrom["kind"] | null;
  /** Always null here: bases leave the data layer only through revealBase or sheetBases, both audited. */
  baseFen: number | null;
  bp: number | null;
  dueFen: number | null;
  paidFen: number;
  paidAt: Date | null;
  payer: string | null;
  recordedBy: string | null;
  collectedFen: number;
  arrearsFen: number;
  monthsOwed: number;
  flag: 0 | 3 | 6;
}

/**
 * The branch's 党费收缴登记表 for a month: every active member with the month's base, rate, amount due, what
 * stands paid for it, when and by whom, what was taken from them in the month (late and advance payments
 * too) and their arrears at the end of it. `collectedFen` is the ledger's own total of the entries recorded
 * in the month for the branch: the money handed upward.
 */
export async function branchDuesSheet(db: Db, scope: Scope, branchId: number, month: string) {
  const branch = await loadNode(db, scope, branchId, (path) => canReadDues(scope, path));
  if (branch.kind !== "branch") throw new AppError("not_found");
  const people = await db
    .select({ memberId: members.userId, name: users.name })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(and(eq(members.branchId, branch.id), eq(members.active, true)))
    .orderBy(asc(sql`${users.name} collate "C"`));
  const ids = people.map((p) => p.memberId);
  const standings = await standingsOf(db, ids, month);
  const { from, to } = monthRange(month);
  const inMonth = and(
    eq(duesEntries.branchId, branch.id),
    gte(duesEntries.recordedAt, from),
    lt(duesEntries.recordedAt, to),
  );
  const collected = await db
    .select({ memberId: duesEntries.memberId, fen: sql<number>`sum(${duesEntries.amountFen})::int` })
    .from(duesEntries)
    .where(inMonth)
    .groupBy(duesEntries.memberId);
  const collectedOf = new Map(collected.map((c) => [c.memberId, c.fen]));
  const [ledger] = await db
    .select({ fen: sql<number>`coalesce(sum(${duesEntries.amountFen}), 0)::int`, count: sql<number>`count(*)::int` })
    .from(duesEntries)
    .where(inMonth);
  const latest =
    ids.length === 0
      ? []
      : await db
          .selectDistinctOn([duesEntries.memberId], {
            memberId: duesEntries.memberId,
            recordedAt: duesEntries.recordedAt,
            payerName: duesEntries.payerName,
            recordedBy: recorder.name,
          })
          .from(duesEntries)
          .innerJoin(recorder, eq(recorder.id, duesEntries.recordedBy))
          .where(
            and(inArray(duesEntries.memberId, ids), eq(duesEntries.month, month), sql`${duesEntries.amountFen} > 0`),
          )
          .orderBy(duesEntries.memberId, desc(duesEntries.id));
  const latestOf = new Map(latest.map((l) => [l.memberId, l]));
  const rows: SheetRow[] = people.map((p) => {
    const base = baseFor(standings.bases.get(p.memberId) ?? [], month);
    const due = base ? monthlyDue(DUES_RATE_TABLES, base, month) : null;
    const paidFen = standings.paid.get(p.memberId)?.get(month) ?? 0;
    const s = standings.of(p.memberId);
    const last = paidFen > 0 ? latestOf.get(p.memberId) : undefined;
    return {
      memberId: p.memberId,
      name: p.name,
      kind: base?.kind ?? null,
      baseFen: null,
      bp: due?.bp ?? null,
      dueFen: due?.fen ?? null,
      paidFen,
      paidAt: last?.recordedAt ?? null,
      payer: last ? (last.payerName ?? t.dues.self) : null,
      recordedBy: last?.recordedBy ?? null,
      collectedFen: collectedOf.get(p.memberId) ?? 0,
      arrearsFen: s.arrearsFen,
      monthsOwed: s.monthsOwed.length,
      flag: arrearsFlag(s.monthsOwed.length),
    };
  });
  return {
    branch,
    month,
    rows,
    totals: {
      dueFen: rows.reduce((n, r) => n + (r.dueFen ?? 0), 0),
      paidFen: rows.reduce((n, r) => n + r.paidFen, 0),
      arrearsFen: rows.reduce((n, r) => n + r.arrearsFen, 0),
      collectedFen: ledger.fen,
      entries: ledger.count,
    },
    arrears: rows.filter((r) => r.flag > 0).sort((a, b) => b.monthsOwed - a.monthsOwed),
    canRecord: canRecordDues(scope, branch.path),
    canSeeBases: canRecordDues(scope, branch.path),
  };
}

/**
 * The bases of a branch's sheet for its .xlsx, for those who may see them (the secretary, the county): an
 * export is a reveal of every base on it, and is audited as one. Anyone else gets none (the committee's
 * copy shows them masked).
 */
export async function sheetBases(db: Db, scope: Scope, branchId: number, month: string) {
  const branch = await loadNode(db, scope, branchId, (path) => canReadDues(scope, path));
  if (!canRecordDues(scope, branch.path)) return null;
  const people = await db.select({ id: members.userId }).from(members).where(eq(members.branchId, branch.id));
  const bases = await basesOf(
    db,
    people.map((p) => p.id),
  );
  const out = new Map<number, number | null>();
  for (const [id, list] of bases) out.set(id, baseFor(list, month)?.baseFen ?? null);
  await writeAudit(db, {
    actorId: scope.userId,
    action: "dues.base.reveal",
    targetType: "org_node",
    targetId: branch.id,
    nodePath: branch.path,
    detail: { month, members: [...out.keys()] },
  });
  return out;
}

/** The month per branch, for a committee (its branches) or the county (every branch). */
export async function duesRollup(db: Db, scope: Scope, month: string) {
  const prefixes = reviewerPaths(scope);
  const branches = await db
    .select({ id: orgNodes.id, name: orgNodes.name })
    .from(orgNodes)
    .where(and(eq(orgNodes.kind, "branch"), pathUnder(orgNodes.path, prefixes)))
    .orderBy(asc(orgNodes.path));
  const branchIds = branches.map((b) => b.id);
  if (branchIds.length === 0) return [];
  const people = await db
    .select({ memberId: members.userId, branchId: members.branchId })
    .from(members)
    .where(and(inArray(members.branchId, branchIds), eq(members.active, true)));
  const standings = await standingsOf(
    db,
    people.map((p) => p.memberId),
    month,
  );
  const { from, to } = monthRange(month);
  const collected = await db
    .select({ branchId: duesEntries.branchId, fen: sql<number>`sum(${duesEntries.amountFen})::int` })
    .from(duesEntries)
    .where(
      and(inArray(duesEntries.branchId, branchIds), gte(duesEntries.recordedAt, from), lt(duesEntries.recordedAt, to)),
    )
    .groupBy(duesEntries.branchId);
  const collectedOf = new Map(collected.map((c) => [c.branchId, c.fen]));
  return branches.map((b) => {
    const mine = people.filter((p) => p.branchId === b.id);
    let dueFen = 0;
    let paidFen = 0;
    let inArrears = 0;
    let flag3 = 0;
    let flag6 = 0;
    for (const p of mine) {
      const base = baseFor(standings.bases.get(p.memberId) ?? [], month);
      dueFen += (base && monthlyDue(DUES_RATE_TABLES, base, month)?.fen) ?? 0;
      paidFen += standings.paid.get(p.memberId)?.get(month) ?? 0;
      const owed = standings.of(p.memberId).monthsOwed.length;
      if (owed > 0) inArrears += 1;
      if (arrearsFlag(owed) === 3) flag3 += 1;
      if (arrearsFlag(owed) === 6) flag6 += 1;
    }
    return {
      branchId: b.id,
      branchName: b.name,
      members: mine.length,
      dueFen,
      paidFen,
      collectedFen: collectedOf.get(b.id) ?? 0,
      inArrears,
      flag3,
      flag6,
    };
  });
}

/** An in-app notice to each member of the branch in arrears this month: what they owe. Decides nothing. */
export async function remindArrears(db: Db, scope: Scope, input: { branchId: number }, now = new Date()) {
  const branch = await loadNode(db, scope, input.branchId, (path) => canRecordDues(scope, path));
  if (branch.kind !== "branch") throw new AppError("not_found");
  return db.transaction(async (tx) => {
    const people = await tx
      .select({ memberId: members.userId })
      .from(members)
      .where(and(eq(members.branchId, branch.id), eq(members.active, true)));
    const standings = await standingsOf(
      tx,
      people.map((p) => p.memberId),
      monthOf(now),
    );
    const owing = people
      .map((p) => ({ id: p.memberId, s: standings.of(p.memberId) }))
      .filter((p) => p.s.arrearsFen > 0);
    for (const p of owing)
      await notify(tx, [p.id], {
        kind: "dues",
        title: t.dues.remindTitle,
        body: t.dues.remindBody(p.s.monthsOwed.length, yuan(p.s.arrearsFen)),
      });
    await writeAudit(tx, {
      actorId: scope.userId,
      action: "dues.remind",
      targetType: "org_node",
      targetId: branch.id,
      nodePath: branch.path,
      detail: { members: owing.map((p) => p.id) },
    });
    return { reminded: owing.length };
  });
}
