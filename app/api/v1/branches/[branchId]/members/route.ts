import { listRoster } from "@/db/queries/roster";
import { route } from "@/lib/route";
import { rosterQuery } from "@/lib/validation/roster";

/** The roster of one branch as JSON, for scripts; scoped exactly like the roster page. */
export const GET = route("roster.list", rosterQuery, (input, { db, scope }) => listRoster(db, scope, input));
