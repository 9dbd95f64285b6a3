import { listRoster } from "@/db/queries/roster";
import { endpoint } from "@/lib/server/route";
import { rosterQuery } from "@/lib/validation/roster";

/** The roster of one branch as JSON, for scripts; scoped exactly like the roster page. */
export const GET = endpoint({
  name: "roster.list",
  input: rosterQuery,
  run: (input, { db, scope }) => listRoster(db, scope, input),
});
