import { BlockList, isIP } from "node:net";

/**
 * The address a sign-in comes from, for the per-address limit of lib/login-throttle.ts (docs/security.md).
 *
 * Route handlers and next-auth's authorize see a Request, never the socket: Next keeps no client address on
 * it. So `npm start` (server.mjs) writes the socket's address into a header of its own on every request,
 * overwriting whatever a client sent under that name, and names the header on `globalThis` for this module.
 * `next dev` and a bare `next start` have no such hook: Next fills X-Forwarded-For with the socket address
 * only when the request has none (base-server.js, `??=`), so there the right-most X-Forwarded-For entry is
 * taken, which a client can forge. That is a development server's price; production runs server.mjs.
 *
 * X-Forwarded-For is believed only hop by hop from the right and only while the hop that added an entry is
 * one of the configured proxies (TRUSTED_PROXIES, none by default): an entry a client wrote itself never
 * decides its address.
 */

export type Headerish = Record<string, unknown> | Headers | undefined;

/** The configured proxies, as addresses and CIDR ranges of either family. */
export function trustedProxies(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, prefix] = entry.split("/");
    const family = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(prefix), family);
  }
  return list;
}

/** True for "1.2.3.4", "1.2.3.0/24", "::1", "fd00::/8": what TRUSTED_PROXIES may list. */
export function isProxyEntry(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split("/");
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

// IPv4 arriving on an IPv6 socket reads "::ffff:1.2.3.4"; the same client must count as one address.
const tidy = (address: string) => address.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");

const isTrusted = (list: BlockList, address: string) => {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 6 ? "ipv6" : "ipv4");
};

function header(headers: Headerish, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value.join(",") : typeof value === "string" ? value : undefined;
}

export function clientAddress(headers: Headerish, options: { trusted: BlockList; peerHeader?: string }): string {
  const forwarded = (header(headers, "x-forwarded-for") ?? "").split(",").map(tidy).filter(Boolean);
  const peer = options.peerHeader ? header(headers, options.peerHeader) : undefined;
  let address = peer ? tidy(peer) : forwarded.pop();
  while (address && isTrusted(options.trusted, address) && forwarded.length > 0) address = forwarded.pop();
  return address ? address.slice(0, 64) : "unknown";
}

/** The header server.mjs writes the socket address into, or undefined when not served by it. */
export const peerHeader = (): string | undefined => (globalThis as { zhibuPeerHeader?: string }).zhibuPeerHeader;
