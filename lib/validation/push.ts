import { z } from "zod";
import { t } from "../messages";
import { text } from "./fields";

const base64url = (min: number, max: number) =>
  z
    .string({ error: t.push.keys })
    .regex(/^[A-Za-z0-9_-]+={0,2}$/, t.push.keys)
    .min(min, t.push.keys)
    .max(max, t.push.keys);

/**
 * Where the server will POST: a browser's push service, so https on a named host. Anything else (an IP
 * address, localhost, plain http) would let a signed-in person point the server at machines it can reach.
 */
const endpoint = text({ max: 1000, message: t.push.endpoint })
  .pipe(z.url({ error: t.push.endpoint }))
  .refine((value) => {
    // URL quietly drops leading and trailing controls (a NUL among them): text() has refused those already.
    // zod runs this even when z.url() said no, so a value URL cannot read is refused here too.
    const url = URL.parse(value);
    if (!url) return false;
    return (
      url.protocol === "https:" &&
      !url.port &&
      /[a-z]/i.test(url.hostname.split(".").pop() ?? "") &&
      !/^localhost$|\.local(host)?$|^\[/i.test(url.hostname)
    );
  }, t.push.endpoint);

/** `PushSubscription.toJSON()` as the browser gives it: a 65-byte P-256 key and a 16-byte auth secret. */
export const pushSubscriptionInput = z.object({
  endpoint,
  keys: z.object({ p256dh: base64url(86, 90), auth: base64url(22, 24) }),
});
export type PushSubscriptionInput = z.output<typeof pushSubscriptionInput>;

export const pushEndpointInput = z.object({ endpoint: text({ max: 1000, message: t.push.endpoint }) });
