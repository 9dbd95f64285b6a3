import { z } from "zod";
import { t } from "../messages";
import { optionalText, password, phone, text } from "./fields";

/** `otp`: the second step for accounts with a second factor, a 6-digit app code or a recovery code. */
export const signInInput = z.object({
  phone,
  password: z.string().min(1).max(128),
  otp: optionalText({ max: 40, message: t.totp.wrongCode }).catch(undefined),
});

export const totpCodeInput = z.object({
  code: z
    .string({ error: t.totp.wrongCode })
    .trim()
    .regex(/^\d{6}$/, t.totp.wrongCode),
});

const newPassword = z
  .object({ password, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: t.validation.passwordMismatch });

export const activateInput = z
  .object({ phone, code: text({ max: 32, message: t.validation.code, tooLong: t.auth.codeInvalid }).toUpperCase() })
  .and(newPassword);

export const changePasswordInput = z.object({ current: z.string().min(1).max(128) }).and(newPassword);
