import type { Db } from "@/db/open";
import { remindAwayEnded } from "@/db/queries/away";
import { freezeRosters } from "@/db/queries/expected-roster";
import { remindOverdueTransfers } from "@/db/queries/transfers";
import { logError } from "../log";

/**
 * The server's roster job, beside the push sweep: now and every `ms`, every activity that has started gets
 * its expected roster frozen (db/queries/expected-roster.ts). A timer that never keeps the process alive.
 */
export function freezeRostersEvery(db: Db, ms = 60_000): void {
  const run = () => {
    void freezeRosters(db).catch((error: unknown) => logError("roster freeze failed", error));
    // Transfers past the county's deadline are reminded once (db/queries/transfers.ts).
    void remindOverdueTransfers(db).catch((error: unknown) => logError("transfer reminder failed", error));
    // Members whose spell away has run out are told once to come back to the roster (db/queries/away.ts).
    void remindAwayEnded(db).catch((error: unknown) => logError("away reminder failed", error));
  };
  run();
  setInterval(run, ms).unref();
}
