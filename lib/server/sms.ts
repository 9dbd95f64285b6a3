import Dysmsapi, { SendSmsRequest } from "@alicloud/dysmsapi20170525";
import { $OpenApiUtil } from "@alicloud/openapi-core";
import { env } from "@/env";
import { isThrottled } from "../reach";

/** One SMS: an approved template and its parameters (Chinese SMS rules allow nothing else). */
export interface SmsMessage {
  phone: string;
  template: "activity";
  params: Record<string, string>;
  /** Ours, echoed in the provider's delivery receipts (the delivery's id). */
  outId: string;
}

export type SmsOutcome =
  | { kind: "sent"; providerId: string }
  | { kind: "retry"; reason: string }
  | { kind: "failed"; reason: string };

/** The one small interface the pipeline sends through (docs/reminders-and-sms.md#the-provider). */
export interface SmsProvider {
  send(message: SmsMessage): Promise<SmsOutcome>;
}

export interface AliyunSmsConfig {
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
  templates: { activity: string };
  /** Host[:port], or http://host:port for a local stand-in of the API. */
  endpoint: string;
}

/**
 * Aliyun SMS (dysmsapi 2017-05-25) through its official SDK, unmodified: the SDK signs the request; its
 * answer's `Code` says sent (OK), throttled (try later) or refused. A network failure or a 5xx is "later".
 */
export function aliyunSms(config: AliyunSmsConfig): SmsProvider {
  const plain = config.endpoint.startsWith("http://");
  const Client = (Dysmsapi as unknown as { default?: typeof Dysmsapi }).default ?? Dysmsapi;
  const client = new Client(
    new $OpenApiUtil.Config({
      accessKeyId: config.accessKeyId,
      accessKeySecret: config.accessKeySecret,
      endpoint: config.endpoint.replace(/^https?:\/\//, ""),
      protocol: plain ? "http" : "https",
      connectTimeout: 5000,
      readTimeout: 10_000,
    }),
  );
  return {
    async send(message) {
      try {
        const answer = await client.sendSms(
          new SendSmsRequest({
            phoneNumbers: message.phone,
            signName: config.signName,
            templateCode: config.templates[message.template],
            templateParam: JSON.stringify(message.params),
            outId: message.outId,
          }),
        );
        const code = answer.body?.code ?? "";
        if (code === "OK") return { kind: "sent", providerId: answer.body?.bizId ?? "" };
        return isThrottled(code)
          ? { kind: "retry", reason: "throttled" }
          : { kind: "failed", reason: code || "unknown" };
      } catch (error) {
        const status = (error as { statusCode?: number }).statusCode;
        const code = String((error as { code?: string }).code ?? "");
        if (status && status >= 400 && status < 500 && status !== 429 && !isThrottled(code))
          return { kind: "failed", reason: code || `http_${status}` };
        return { kind: "retry", reason: isThrottled(code) || status === 429 ? "throttled" : "unreachable" };
      }
    },
  };
}

/** The configuration the environment gives, or null: then the SMS channel is off. */
export function smsConfigFromEnv(): AliyunSmsConfig | null {
  if (!env.ALIYUN_SMS_ACCESS_KEY_ID || !env.ALIYUN_SMS_ACCESS_KEY_SECRET || !env.SMS_SIGN_NAME) return null;
  if (!env.SMS_TEMPLATE_ACTIVITY) return null;
  return {
    accessKeyId: env.ALIYUN_SMS_ACCESS_KEY_ID,
    accessKeySecret: env.ALIYUN_SMS_ACCESS_KEY_SECRET,
    signName: env.SMS_SIGN_NAME,
    templates: { activity: env.SMS_TEMPLATE_ACTIVITY },
    endpoint: env.ALIYUN_SMS_ENDPOINT,
  };
}

let current: SmsProvider | null | undefined;

/** The provider in use: from the environment unless `useSmsProvider` set one. */
export function smsProvider(): SmsProvider | null {
  if (current === undefined) {
    const config = smsConfigFromEnv();
    current = config ? aliyunSms(config) : null;
  }
  return current;
}

/** Whether the SMS channel is on at all (keys present): the app says so where it matters when not. */
export const smsOn = () => smsProvider() !== null;

/** Puts a provider in place (tests: the SDK pointed at a local stand-in); null turns the channel off. */
export function useSmsProvider(provider: SmsProvider | null): void {
  current = provider;
}
