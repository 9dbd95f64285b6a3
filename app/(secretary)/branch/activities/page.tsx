import { redirect } from "next/navigation";
import { grantsOf } from "@/lib/scope-paths";
import { pageContext } from "@/lib/server/session";

/** The secretary's activities are their branch's: straight there, or to the branch list for several. */
export default async function ActivitiesIndex() {
  const { scope } = await pageContext();
  const own = grantsOf(scope, ["secretary"]);
  redirect(own.length === 1 ? `/branch/${own[0].nodeId}/activities` : "/branch");
}
