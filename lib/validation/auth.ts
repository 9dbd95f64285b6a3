import { z } from "zod";
import { t } from "../messages";
import { password, phone } from "./fields";

/** `otp`: the second step for accounts with a second factor, a 6-digit app code or a recovery code. */
export const signInInput = z.object({ phone, password: z.string().min(1).max(128), otp: z.string().trim().max(40).optional().catch(undefined) });

export const totpCodeInput = z.object({ code: z.string({ error: t.totp.wrongCode }).trim().regex(/^\d{6}$/, t.totp.wrongCode) });

const newPassword = z
  .object({ password, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: t.validation.passwordMismatch });

export const activateInput = z
  .object({ phone, code: z.string().trim().toUpperCase().min(1, t.validation.code).max(32, t.auth.codeInvalid) })
  .and(newPassword);

export const changePasswordInput = z.object({ current: z.string().min(1).max(128) }).and(newPassword);
