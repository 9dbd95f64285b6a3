import type { Db } from "@/db/open";
import { remindAwayEnded } from "@/db/queries/away";
import { freezeRosters } from "@/db/queries/expected-roster";
import { runDueReminders } from "@/db/queries/reminders";
import { remindOverdueTransfers } from "@/db/queries/transfers";
import { logError } from "../log";
import { sendDuePushes } from "./push";
import { sendDueSms } from "./sms-sender";

/**
 * One pass of the scheduler (docs/reminders-and-sms.md#the-scheduler): reminders that are due fire (each
 * claimed in its own transaction), then the rosters of activities that have started are frozen, overdue
 * transfers and ended spells away are reminded, and the pushes and SMS that are due go out. Every part is safe to run
 * on several instances at once.
 */
export async function sweep(db: Db, at?: Date): Promise<void> {
  await runDueReminders(db, at ?? new Date());
  await freezeRosters(db, at ?? new Date());
  // Transfers past the county's deadline, and spells away that have run out, are reminded once each.
  await remindOverdueTransfers(db, at ?? new Date());
  await remindAwayEnded(db, at ?? new Date());
  sendDuePushes(db, at);
  await sendDueSms(db, at ?? new Date());
}

/**
 * The server's one timer: a sweep now and every `ms`, never two at once on one instance, never keeping the
 * process alive. The state is all in the database, so a restart loses nothing and the next sweep catches up.
 */
export function startScheduler(db: Db, ms = 30_000): void {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      await sweep(db);
    } catch (error) {
      logError("scheduler sweep failed", error);
    } finally {
      running = false;
    }
  };
  void run();
  setInterval(run, ms).unref();
}
