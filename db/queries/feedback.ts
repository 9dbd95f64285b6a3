import { randomBytes } from "node:crypto";
import { and, asc, desc, eq, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { roleNames } from "@/lib/enums";
import { AppError } from "@/lib/errors";
import { answeredLate, dueAt, FEEDBACK_DAYS_DEFAULT, isOverdue, receiptFrom } from "@/lib/feedback";
import { t } from "@/lib/messages";
import type { Scope } from "@/lib/scope";
import { countyGrant, pathsReached, reachedPaths } from "@/lib/scope-paths";
import type { SendFeedback, SendPublicFeedback } from "@/lib/validation/feedback";
import type { Db } from "../open";
import { type Feedback, feedback } from "../schema/feedback";
import { orgNodes } from "../schema/org";
import { countySettings } from "../schema/settings";
import { users } from "../schema/users";
import { writeAudit } from "./audit";
import { changeCountySettings } from "./county-settings";
import { pathUnder } from "./scope-sql";

/**
 * 投诉建议 (docs/privacy.md#complaints-and-suggestions). Every item belongs to the county: its `path` is the
 * county node's, and only county admins read it, so a complaint about a branch never reaches that branch's
 * secretary or committee. The sender reads their own; a signed-out sender reads by receipt code.
 */

const flags = (f: Pick<Feedback, "status" | "dueAt" | "answeredAt">, now: Date) => ({
  overdue: isOverdue(f, now),
  answeredLate: answeredLate(f),
});

/** The county a new item goes to: the branch's, else the sender's, else the county (one per deployment). */
async function countyFor(db: Db, input: { branchId?: number }, scope: Scope | null) {
  let path: string | undefined;
  if (input.branchId !== undefined) {
    const [branch] = await db
      .select({ path: orgNodes.path })
      .from(orgNodes)
      .where(and(eq(orgNodes.id, input.branchId), eq(orgNodes.kind, "branch")));
    if (!branch) throw new AppError("bad_request", t.feedback.branchUnknown, { branchId: t.feedback.branchUnknown });
    path = branch.path;
  } else {
    path = scope ? (scope.member?.branchPath ?? pathsReached(scope, roleNames)[0]) : undefined;
  }
  const root = path ? `/${path.split("/")[1]}/` : undefined;
  const [county] = await db
    .select({ id: orgNodes.id, path: orgNodes.path })
    .from(orgNodes)
    .where(and(eq(orgNodes.kind, "county"), root ? eq(orgNodes.path, root) : undefined))
    .orderBy(asc(orgNodes.id))
    .limit(1);
  if (!county) throw new AppError("not_found");
  const [settings] = await db
    .select({ days: countySettings.feedbackDays })
    .from(countySettings)
    .where(eq(countySettings.countyId, county.id));
  return { ...county, days: settings?.days ?? FEEDBACK_DAYS_DEFAULT };
}

async function insert(
  db: Db,
  scope: Scope | null,
  input: SendFeedback & { contact?: string },
  now: Date,
): Promise<{ id: number; receipt: string; dueAt: Date }> {
  const county = await countyFor(db, input, scope);
  return db.transaction(async (tx) => {
    const receipt = receiptFrom(randomBytes(16));
    const [row] = await tx
      .insert(feedback)
      .values({
        receipt,
        countyId: county.id,
        path: county.path,
        kind: input.kind,
        subject: input.subject,
        branchId: input.branchId ?? null,
        senderId: scope?.userId ?? null,
        contact: input.contact ?? null,
        anonymous: input.anonymous,
        body: input.body,
        dueAt: dueAt(now, county.days),
        createdAt: now,
      })
      .returning({ id: feedback.id, dueAt: feedback.dueAt });
    // The county's record only: its node is the county, which no branch-side grant below it reads.
    await writeAudit(tx, {
      actorId: scope?.userId ?? null,
      action: scope ? "feedback.send" : "feedback.send_public",
      targetType: "feedback",
      targetId: row.id,
      nodePath: county.path,
      detail: { kind: input.kind, subject: input.subject, anonymous: input.anonymous },
    });
    return { id: row.id, receipt, dueAt: row.dueAt };
  });
}

/** A signed-in person sends a complaint or suggestion. */
export const sendFeedback = (db: Db, scope: Scope, input: SendFeedback, now = new Date()) =>
  insert(db, scope, input, now);

/** From the sign-in page, without an account; the caller has throttled the address (db/queries/public-attempts.ts). */
export const sendPublicFeedback = (db: Db, input: SendPublicFeedback, now = new Date()) => insert(db, null, input, now);

const publicColumns = {
  id: feedback.id,
  kind: feedback.kind,
  subject: feedback.subject,
  branchName: orgNodes.name,
  anonymous: feedback.anonymous,
  body: feedback.body,
  status: feedback.status,
  dueAt: feedback.dueAt,
  answer: feedback.answer,
  answeredAt: feedback.answeredAt,
  createdAt: feedback.createdAt,
};

/** The caller's own items, newest first. */
export async function myFeedback(db: Db, scope: Scope, now = new Date()) {
  const rows = await db
    .select(publicColumns)
    .from(feedback)
    .leftJoin(orgNodes, eq(orgNodes.id, feedback.branchId))
    .where(eq(feedback.senderId, scope.userId))
    .orderBy(desc(feedback.createdAt), desc(feedback.id));
  return rows.map((r) => ({ ...r, ...flags(r, now) }));
}

/** One of the caller's own, or not found (someone else's is not told apart from none). */
export async function myFeedbackItem(db: Db, scope: Scope, input: { feedbackId: number }, now = new Date()) {
  const [row] = await db
    .select(publicColumns)
    .from(feedback)
    .leftJoin(orgNodes, eq(orgNodes.id, feedback.branchId))
    .where(and(eq(feedback.id, input.feedbackId), eq(feedback.senderId, scope.userId)));
  if (!row) throw new AppError("not_found", t.feedback.notFound);
  return { ...row, ...flags(row, now) };
}

/** By receipt code, for whoever holds it: status and answer, never who sent it or how to reach them. */
export async function feedbackByReceipt(db: Db, receipt: string, now = new Date()) {
  const [row] = await db
    .select(publicColumns)
    .from(feedback)
    .leftJoin(orgNodes, eq(orgNodes.id, feedback.branchId))
    .where(eq(feedback.receipt, receipt));
  return row ? { ...row, ...flags(row, now) } : null;
}

const sender = alias(users, "sender");

/** What the county reads: who sent it (the county may know; anonymity is towards the branch), and flags. */
const countyColumns = {
  ...publicColumns,
  senderId: feedback.senderId,
  senderName: sender.name,
  senderPhone: sender.phone,
  contact: feedback.contact,
};

export type FeedbackView = "open" | "overdue" | "answered";

/** The county's inbox: county admins only; `overdue` are open items past their deadline. */
export async function countyFeedback(db: Db, scope: Scope, input: { view: FeedbackView }, now = new Date()) {
  const reach = pathUnder(feedback.path, reachedPaths(scope, ["county_admin"]));
  const view: Record<FeedbackView, SQL> = {
    open: eq(feedback.status, "open"),
    overdue: and(eq(feedback.status, "open"), sql`${feedback.dueAt} < ${now.toISOString()}::timestamptz`)!,
    answered: eq(feedback.status, "answered"),
  };
  const rows = await db
    .select(countyColumns)
    .from(feedback)
    .leftJoin(orgNodes, eq(orgNodes.id, feedback.branchId))
    .leftJoin(sender, eq(sender.id, feedback.senderId))
    .where(and(reach, view[input.view]))
    .orderBy(input.view === "answered" ? desc(feedback.answeredAt) : asc(feedback.dueAt), asc(feedback.id))
    .limit(200);
  const [counts] = await db
    .select({
      open: sql<number>`count(*) filter (where ${feedback.status} = 'open')::int`,
      overdue: sql<number>`count(*) filter (where ${view.overdue})::int`,
    })
    .from(feedback)
    .where(reach);
  return { rows: rows.map((r) => ({ ...r, ...flags(r, now) })), counts };
}

/** One item, for the county admin's answer page; anyone else is told it does not exist. */
export async function countyFeedbackItem(db: Db, scope: Scope, input: { feedbackId: number }, now = new Date()) {
  const reach = pathUnder(feedback.path, pathsReached(scope, ["county_admin"]));
  const [row] = await db
    .select(countyColumns)
    .from(feedback)
    .leftJoin(orgNodes, eq(orgNodes.id, feedback.branchId))
    .leftJoin(sender, eq(sender.id, feedback.senderId))
    .where(and(eq(feedback.id, input.feedbackId), reach));
  if (!row) throw new AppError("not_found", t.feedback.notFound);
  return { ...row, ...flags(row, now) };
}

/**
 * The county answers, once: a guarded update from `open`, so of two admins answering at once one wins and
 * the other gets a conflict. The answer goes to the sender and nobody else.
 */
export async function answerFeedback(
  db: Db,
  scope: Scope,
  input: { feedbackId: number; answer: string },
  now = new Date(),
) {
  const item = await countyFeedbackItem(db, scope, input, now);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(feedback)
      .set({ status: "answered", answer: input.answer, answeredBy: scope.userId, answeredAt: now })
      .where(and(eq(feedback.id, item.id), eq(feedback.status, "open")))
      .returning({ id: feedback.id, path: feedback.path, dueAt: feedback.dueAt });
    if (!row) throw new AppError("conflict", t.feedback.alreadyAnswered);
    await writeAudit(tx, {
      actorId: scope.userId,
      action: "feedback.answer",
      targetType: "feedback",
      targetId: row.id,
      nodePath: row.path,
      detail: { late: now > row.dueAt },
    });
    return { id: row.id };
  });
}

/** The county's answer deadline in days, for items sent from now on. */
export async function feedbackDays(db: Db, scope: Scope): Promise<number> {
  const county = countyGrant(scope);
  const [row] = await db
    .select({ days: countySettings.feedbackDays })
    .from(countySettings)
    .where(eq(countySettings.countyId, county.nodeId));
  return row?.days ?? FEEDBACK_DAYS_DEFAULT;
}

export async function setFeedbackDays(db: Db, scope: Scope, input: { days: number }, now = new Date()) {
  await changeCountySettings(
    db,
    scope,
    { feedbackDays: input.days },
    { action: "feedback.deadline", detail: { days: input.days } },
    now,
  );
  return { days: input.days };
}

/** Branches to name in the form: every branch of the county, by path (their names are not secret). */
export async function feedbackBranches(db: Db) {
  return db
    .select({ id: orgNodes.id, name: orgNodes.name })
    .from(orgNodes)
    .where(eq(orgNodes.kind, "branch"))
    .orderBy(asc(orgNodes.path));
}
