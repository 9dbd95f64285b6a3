import { createDecipheriv, createECDH, createPublicKey, type ECDH, hkdfSync, randomBytes, verify } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A push service and the browser behind it, in one local HTTP server: it hands out subscriptions with a
 * real P-256 key pair and auth secret, keeps every POST it receives, and decrypts them the way a browser
 * does (RFC 8291 on RFC 8188 aes128gcm). `answer` is the status it replies with, per endpoint.
 */
export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export async function startPushReceiver() {
  const received: Received[] = [];
  const answers = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const path = request.url ?? "/";
      received.push({ path, headers: request.headers, body: Buffer.concat(chunks) });
      response.writeHead(answers.get(path) ?? 201).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browsers = new Map<string, { ecdh: ECDH; auth: Buffer }>();

  return {
    origin,
    received,
    /** What the push service answers on this endpoint from now on (410: the subscription is gone). */
    answer(endpoint: string, status: number) {
      answers.set(new URL(endpoint).pathname, status);
    },
    /** A new browser subscription: the endpoint, and the keys as `PushSubscription.toJSON()` gives them. */
    subscribe(name: string) {
      const ecdh = createECDH("prime256v1");
      ecdh.generateKeys();
      const auth = randomBytes(16);
      const path = `/push/${name}`;
      browsers.set(path, { ecdh, auth });
      return {
        endpoint: origin + path,
        keys: { p256dh: ecdh.getPublicKey().toString("base64url"), auth: auth.toString("base64url") },
      };
    },
    /** The payload of a received push, decrypted with that browser's private key. */
    decrypt(push: Received): string {
      const browser = browsers.get(push.path);
      if (!browser) throw new Error(`no browser at ${push.path}`);
      return decryptAes128gcm(push.body, browser.ecdh, browser.auth);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** RFC 8291 §3.4 key derivation, then the record of RFC 8188 §2 (one record, padding delimiter 2). */
function decryptAes128gcm(body: Buffer, ecdh: ECDH, authSecret: Buffer): string {
  const salt = body.subarray(0, 16);
  const idLength = body[20];
  const serverKey = body.subarray(21, 21 + idLength);
  const record = body.subarray(21 + idLength);
  const shared = ecdh.computeSecret(serverKey);
  const keyInfo = Buffer.concat([Buffer.from("WebPush: info\0"), ecdh.getPublicKey(), serverKey]);
  const ikm = Buffer.from(hkdfSync("sha256", shared, authSecret, keyInfo, 32));
  const cek = Buffer.from(hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: aes128gcm\0"), 16));
  const nonce = Buffer.from(hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: nonce\0"), 12));
  const decipher = createDecipheriv("aes-128-gcm", cek, nonce);
  decipher.setAuthTag(record.subarray(record.length - 16));
  const padded = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (padded[end] !== 2) throw new Error("not the last record: padding delimiter missing");
  return padded.subarray(0, end).toString("utf8");
}

/**
 * Checks the VAPID header (RFC 8292) as a push service would: `vapid t=<JWT>, k=<public key>`, the JWT
 * signed ES256 by that key, for this push service's origin, not expired. Returns the key it names.
 */
export function verifyVapid(headers: IncomingHttpHeaders, audience: string): string {
  const match = /^vapid t=([^,]+),\s*k=(.+)$/.exec(headers.authorization ?? "");
  if (!match) throw new Error(`no VAPID authorization: ${headers.authorization}`);
  const [, jwt, k] = match;
  const raw = Buffer.from(k, "base64url");
  const key = createPublicKey({
    key: {
      kty: "EC",
      crv: "P-256",
      x: raw.subarray(1, 33).toString("base64url"),
      y: raw.subarray(33, 65).toString("base64url"),
    },
    format: "jwk",
  });
  const [header, claims, signature] = jwt.split(".");
  const valid = verify(
    "sha256",
    Buffer.from(`${header}.${claims}`),
    { key, dsaEncoding: "ieee-p1363" },
    Buffer.from(signature, "base64url"),
  );
  if (!valid) throw new Error("VAPID signature does not verify");
  const payload = JSON.parse(Buffer.from(claims, "base64url").toString()) as { aud: string; exp: number; sub: string };
  if (payload.aud !== audience) throw new Error(`VAPID audience ${payload.aud}, expected ${audience}`);
  if (payload.exp * 1000 < Date.now()) throw new Error("VAPID token expired");
  return k;
}
