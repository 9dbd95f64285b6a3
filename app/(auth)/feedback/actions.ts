"use server";

import { headers } from "next/headers";
import { feedbackByReceipt, sendFeedback, sendPublicFeedback } from "@/db/queries/feedback";
import { reservePublicAttempt, settlePublicAttempt } from "@/db/queries/public-attempts";
import { env } from "@/env";
import { clientAddress, peerHeader, trustedProxies } from "@/lib/client-address";
import { AppError } from "@/lib/errors";
import { t } from "@/lib/messages";
import { action } from "@/lib/server/action";
import { receiptInput, sendFeedbackInput, sendPublicFeedbackInput } from "@/lib/validation/feedback";

const trusted = trustedProxies(env.TRUSTED_PROXIES);
const address = async () => clientAddress(await headers(), { trusted, peerHeader: peerHeader() });

export const sendFeedbackAction = action("feedback.send", sendFeedbackInput, (input, { db, scope }) =>
  sendFeedback(db, scope, input),
);

/** From the sign-in page, without an account: throttled per address (lib/feedback-throttle.ts). */
export const sendPublicFeedbackAction = action(
  "feedback.send_public",
  sendPublicFeedbackInput,
  async (input, { db }) => {
    const attempt = await reservePublicAttempt(db, { kind: "feedback", address: await address() });
    const sent = await sendPublicFeedback(db, input);
    await settlePublicAttempt(db, attempt);
    return sent;
  },
  { signedOut: true },
);

/** Status and answer by receipt code; wrong codes count towards the address's limit. */
export const lookupReceiptAction = action(
  "feedback.lookup",
  receiptInput,
  async (input, { db }) => {
    const attempt = await reservePublicAttempt(db, { kind: "receipt", address: await address() });
    const found = await feedbackByReceipt(db, input.receipt);
    if (!found) throw new AppError("not_found", t.feedback.receiptUnknown, { receipt: t.feedback.receiptUnknown });
    await settlePublicAttempt(db, attempt);
    return found;
  },
  { signedOut: true },
);
