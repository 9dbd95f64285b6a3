import { and, eq, getTableColumns, inArray, or } from "drizzle-orm";
import type { Scope } from "@/lib/scope";
import type { Db } from "../open";
import { attendance, notices, uploads } from "../schema/activities";
import { auditLog } from "../schema/audit";
import { checkinDisputes, checkins } from "../schema/checkins";
import { communityReports, serviceSignups, volunteerHours } from "../schema/community";
import { duesBases, duesEntries } from "../schema/dues";
import { feedback } from "../schema/feedback";
import { leaveRequests, makeupTasks } from "../schema/leave";
import { correctionRequests, privacyAcknowledgements, recordConfirmations } from "../schema/privacy";
import { loginAttempts } from "../schema/security";
import { activationCodes, members, roleGrants, users } from "../schema/users";
import { writeAudit } from "./audit";

/**
 * Everything the database holds about the caller, for them to read and keep (PIPL art. 45):
 * their account, member record, roles, check-ins, attendance, dues, leave and make-up study, notices,
 * community reporting and volunteer hours, complaints and suggestions sent, privacy acknowledgements and
 * correction requests, sign-in attempts and the audit entries by or about them.
 * Left out: password and activation-code hashes (secrets, not information about the person) and the bytes
 * of uploaded files (listed; each is fetched at its own address). Always the caller's own data only.
 */
export async function exportPersonalData(db: Db, scope: Scope, now = new Date()) {
  const me = scope.userId;
  const { passwordHash: _hash, ...account } = getTableColumns(users);
  const [user] = await db.select(account).from(users).where(eq(users.id, me));
  const { codeHash: _code, ...codes } = getTableColumns(activationCodes);
  const { bytes: _bytes, ...uploadInfo } = getTableColumns(uploads);
  const data = {
    exportedAt: now.toISOString(),
    account: user ?? null,
    member: await db.select().from(members).where(eq(members.userId, me)),
    roles: await db.select().from(roleGrants).where(eq(roleGrants.userId, me)),
    activationCodes: await db.select(codes).from(activationCodes).where(eq(activationCodes.userId, me)),
    checkins: await db.select().from(checkins).where(eq(checkins.memberId, me)),
    checkinDisputes: await db.select().from(checkinDisputes).where(eq(checkinDisputes.memberId, me)),
    attendance: await db.select().from(attendance).where(eq(attendance.memberId, me)),
    duesBases: await db.select().from(duesBases).where(eq(duesBases.memberId, me)),
    dues: await db.select().from(duesEntries).where(eq(duesEntries.memberId, me)),
    leaveRequests: await db.select().from(leaveRequests).where(eq(leaveRequests.memberId, me)),
    makeupTasks: await db.select().from(makeupTasks).where(eq(makeupTasks.memberId, me)),
    notices: await db.select().from(notices).where(eq(notices.userId, me)),
    uploads: await db.select(uploadInfo).from(uploads).where(eq(uploads.createdBy, me)),
    communityReports: await db.select().from(communityReports).where(eq(communityReports.memberId, me)),
    serviceSignups: await db.select().from(serviceSignups).where(eq(serviceSignups.memberId, me)),
    volunteerHours: await db.select().from(volunteerHours).where(eq(volunteerHours.memberId, me)),
    feedback: await db.select().from(feedback).where(eq(feedback.senderId, me)),
    privacyAcknowledgements: await db
      .select()
      .from(privacyAcknowledgements)
      .where(eq(privacyAcknowledgements.userId, me)),
    correctionRequests: await db.select().from(correctionRequests).where(eq(correctionRequests.memberId, me)),
    recordConfirmations: await db.select().from(recordConfirmations).where(eq(recordConfirmations.memberId, me)),
    signInAttempts: user ? await db.select().from(loginAttempts).where(eq(loginAttempts.phone, user.phone)) : [],
    auditEntries: await db
      .select()
      .from(auditLog)
      .where(
        or(
          eq(auditLog.actorId, me),
          and(inArray(auditLog.targetType, ["user", "member"]), eq(auditLog.targetId, String(me))),
        ),
      )
      .orderBy(auditLog.id),
  };
  await writeAudit(db, { actorId: me, action: "privacy.export", targetType: "user", targetId: me });
  return data;
}
