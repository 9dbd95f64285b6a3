import type { Db } from "@/db/open";
import {
  type ClaimedSms,
  claimSms,
  deferSms,
  returnSmsAllowance,
  settleSms,
  skipSms,
  takeSmsAllowance,
} from "@/db/queries/sms-outbox";
import { smsParams, smsSendableAt } from "../reach";
import { formatWhen } from "../time";
import { type SmsProvider, smsProvider } from "./sms";

/** How many SMS are handed to the provider at once: well under its per-second limits. */
const PARALLEL = 4;

/**
 * Sends the queued SMS that are due at `at` (docs/reminders-and-sms.md#the-pipeline): claimed with a lease,
 * then for each: nothing for an account disabled or muted since; quiet hours defer it to 08:00 unless its
 * activity is sooner; the county's monthly allowance is taken (or the SMS refused for the cap); then the
 * provider is asked and its answer kept. A crash after the provider took one and before its row says so
 * sends it again when the lease runs out: at least once, never lost.
 */
export async function sendDueSms(db: Db, at: Date = new Date(), provider: SmsProvider | null = smsProvider()) {
  let sent = 0;
  for (;;) {
    const batch = await claimSms(db, at);
    if (batch.length === 0) return { sent };
    let next = 0;
    const lane = async () => {
      while (next < batch.length) {
        if (await sendOne(db, batch[next++], at, provider)) sent++;
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, batch.length) }, lane));
  }
}

async function sendOne(db: Db, row: ClaimedSms, at: Date, provider: SmsProvider | null): Promise<boolean> {
  const skip = (status: "skipped" | "failed", reason: string) => skipSms(db, row.id, status, reason).then(() => false);
  if (!provider) return skip("skipped", "off");
  if (!row.active) return skip("skipped", "disabled");
  if (row.smsMuted) return skip("skipped", "muted");
  // A reminder of an activity that has begun is no use; nor is one of a notice without an activity.
  if (!row.startsAt || row.startsAt <= at) return skip("skipped", "too_late");
  const sendable = smsSendableAt(at, row.startsAt);
  if (sendable > at) return deferSms(db, row.id, sendable).then(() => false);
  if (row.countyId !== null && !(await takeSmsAllowance(db, row.countyId, at))) return skip("failed", "cap");
  const outcome = await provider.send({
    phone: row.phone,
    template: "activity",
    params: smsParams(row.title, formatWhen(row.startsAt)),
    outId: String(row.id),
  });
  if (outcome.kind !== "sent" && row.countyId !== null) await returnSmsAllowance(db, row.countyId, at);
  await settleSms(db, row, outcome, at);
  return outcome.kind === "sent";
}
