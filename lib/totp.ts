import { createHash, randomBytes } from "node:crypto";
import { generate, generateSecret, generateURI, verify } from "otplib";
import type { RoleName } from "./enums";
import type { Grant } from "./scope";

/**
 * The second factor (TOTP, RFC 6238: SHA-1, 6 digits, 30 s — what every authenticator app reads from a QR
 * code) and its recovery codes. Pure: the database side is db/queries/totp.ts.
 */

/** Roles that must have a second factor; a secretary may add one. */
export const TOTP_REQUIRED_ROLES: readonly RoleName[] = ["county_admin", "committee_admin"];
export const TOTP_OPTIONAL_ROLES: readonly RoleName[] = ["secretary"];
/** How long a new admin may work before enrolling; after it, admin rights wait for the enrolment. */
export const ENROL_GRACE_MS = 14 * 86_400_000;
export const RECOVERY_CODE_COUNT = 10;
const PERIOD_S = 30;

export const requiresTotp = (grants: Pick<Grant, "role">[]) => grants.some((g) => TOTP_REQUIRED_ROLES.includes(g.role));
export const mayUseTotp = (grants: Pick<Grant, "role">[]) =>
  grants.some((g) => TOTP_REQUIRED_ROLES.includes(g.role) || TOTP_OPTIONAL_ROLES.includes(g.role));

/** 160 random bits, Base32, as authenticator apps expect. */
export const newTotpSecret = () => generateSecret({ length: 20 });

export const totpUri = (secret: string, label: string, issuer: string) => generateURI({ secret, label, issuer });

/** The code an app shows at `at` (tests use it in place of a phone). */
export const totpCode = (secret: string, at = new Date()) =>
  generate({ secret, epoch: Math.floor(at.getTime() / 1000) });

/**
 * The time step a code belongs to, when it is valid now or one step either side (a phone clock a little
 * off, a code typed as it changes), and later than `after` — a code already used does not work again.
 */
export async function totpStep(secret: string, code: string, at: Date, after: number | null): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const epoch = Math.floor(at.getTime() / 1000);
  const result = await verify({ secret, token: code, epoch, epochTolerance: PERIOD_S });
  if (!result.valid) return null;
  const step = Math.floor(epoch / PERIOD_S) + result.delta;
  return after !== null && step <= after ? null : step;
}

const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"; // no 0/O, 1/I/L: read off paper by older people

/** Recovery codes as shown once: 16 characters (≈ 79 bits) in groups of four. */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from(randomBytes(16), (b) => ALPHABET[b % ALPHABET.length]).join("");
    return chars.match(/.{4}/g)!.join("-");
  });
}

/** What a person types, with spaces, dashes and case forgiven. */
export const normalizeRecoveryCode = (typed: string) => typed.toUpperCase().replace(/[^A-Z0-9]/g, "");

/** High-entropy codes need no slow hash: SHA-256 of 79 random bits cannot be searched. */
export const hashRecoveryCode = (typed: string) =>
  createHash("sha256").update(normalizeRecoveryCode(typed)).digest("hex");

/** A 6-digit entry is an app code; anything longer is taken as a recovery code. */
export const isAppCode = (typed: string) => /^\d{6}$/.test(typed.replace(/\s/g, ""));
