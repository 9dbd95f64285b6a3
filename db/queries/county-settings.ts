import type { AuditAction } from "@/lib/messages/audit";
import type { Scope } from "@/lib/scope";
import { countyGrant } from "@/lib/scope-paths";
import type { Db } from "../open";
import { type CountySettings, countySettings } from "../schema/settings";
import { writeAudit } from "./audit";

/** The county a path lies in: the first node of every path is the county. */
export const countyOf = (path: string) => Number(path.split("/")[1]);

type Settable = Partial<Omit<CountySettings, "countyId" | "updatedBy" | "updatedAt">>;

/**
 * The county admin changes some of what the county decides for all its branches (db/schema/settings.ts): the
 * row is made on first change, and the change and its audit entry are one transaction. Refused to anyone
 * holding no county role.
 */
export async function changeCountySettings(
  db: Db,
  scope: Scope,
  change: Settable,
  audit: { action: AuditAction; detail: Record<string, unknown> },
  now = new Date(),
): Promise<void> {
  const county = countyGrant(scope);
  await db.transaction(async (tx) => {
    const values = { ...change, updatedBy: scope.userId, updatedAt: now };
    await tx
      .insert(countySettings)
      .values({ countyId: county.nodeId, ...values })
      .onConflictDoUpdate({ target: countySettings.countyId, set: values });
    await writeAudit(tx, {
      actorId: scope.userId,
      action: audit.action,
      targetType: "org_node",
      targetId: county.nodeId,
      nodePath: county.path,
      detail: audit.detail,
    });
  });
}
