import type { Db } from "@/db/open";
import { logError } from "../log";
import { pushesSettled, sendDuePushes } from "./push";
import { smsOn } from "./sms";
import { sendDueSms } from "./sms-sender";

const inFlight = new Set<Promise<unknown>>();
let afterCommitOn = true;

/**
 * Starts delivering what is due over every channel, in the background: called once a notice's transaction
 * has committed (db/queries/notify.ts) and by the scheduler's sweep. The write has answered already.
 */
export function deliverDue(db: Db, at?: Date): void {
  sendDuePushes(db, at);
  const job = sendDueSms(db, at).catch((error: unknown) => logError("sms delivery failed", error));
  inFlight.add(job);
  void job.finally(() => inFlight.delete(job));
}

/** The kick after a notice's commit; tests turn it off to stand for a process that died right after it. */
export function deliverAfterCommit(db: Db): void {
  if (afterCommitOn) deliverDue(db);
}

export function setDeliveryAfterCommit(on: boolean): void {
  afterCommitOn = on;
}

/** Resolves once every delivery started so far has been answered (tests; a graceful shutdown). */
export async function deliveriesSettled(): Promise<void> {
  await pushesSettled();
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
}

export { smsOn };
