"use server";

import QRCode from "qrcode";
import { confirmEnrolment, disableTotp, renewRecoveryCodes, startEnrolment } from "@/db/queries/totp";
import { action } from "@/lib/server/action";
import { totpCodeInput } from "@/lib/validation/auth";
import { noInput } from "@/lib/validation/fields";

/** A fresh secret and its QR code (SVG drawn from our own otpauth: URI, no one else's text in it). */
export const startTotpAction = action("totp.start", noInput, async (_input, { db, scope }) => {
  const { secret, uri } = await startEnrolment(db, scope);
  return { secret, qr: await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" }) };
});

export const confirmTotpAction = action("totp.enrol", totpCodeInput, (input, { db, scope }) =>
  confirmEnrolment(db, scope, input),
);

export const renewRecoveryAction = action("totp.recovery_renew", totpCodeInput, (input, { db, scope }) =>
  renewRecoveryCodes(db, scope, input),
);

export const disableTotpAction = action("totp.disable", totpCodeInput, (input, { db, scope }) =>
  disableTotp(db, scope, input),
);
