import { inArray } from "drizzle-orm";
import { t } from "@/lib/messages";
import type { Scope } from "@/lib/scope";
import { grantsOf } from "@/lib/scope-paths";
import type { Db } from "../open";
import { orgNodes } from "../schema/org";

/**
 * Who issues an admin's printed report: the county's organization department for a county admin, else the
 * committee whose admin prints it. Empty for a caller with neither grant (their report is refused anyway).
 */
export async function issuingBody(db: Db, scope: Scope): Promise<string> {
  const [grant] = [...grantsOf(scope, ["county_admin"]), ...grantsOf(scope, ["committee_admin"])];
  if (!grant) return "";
  const [node] = await db
    .select({ name: orgNodes.name })
    .from(orgNodes)
    .where(inArray(orgNodes.id, [grant.nodeId]));
  if (!node) return "";
  return grant.role === "county_admin" ? t.print.countyIssuer(node.name) : node.name;
}
