import { performance } from "node:perf_hooks";
import autocannon from "autocannon";

/**
 * One closed-loop load run with autocannon: `connections` keep-alive connections, each sending its next
 * request as soon as the previous answer is in, until `amount` requests have been made in all.
 *
 * Why autocannon and not a client of our own: the load generator shares this machine's two cores with the
 * server, so every microsecond it spends per request is taken from the server. autocannon writes prebuilt
 * request buffers straight to sockets and parses answers with a small parser, and records latency in an
 * HDR histogram; a fetch/undici loop costs several times more CPU per request (promises, Headers, streams).
 */
export interface LoadRequest {
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

export async function load(options: {
  url: string;
  connections: number;
  amount: number;
  /** Builds request number i (0-based); called exactly once per request, in order. */
  request: (i: number) => LoadRequest;
  onAnswer?: (status: number, body: string) => void;
}): Promise<LoadResult> {
  let next = 0;
  const started = performance.now();
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    amount: options.amount,
    timeout: 30,
    requests: [
      {
        setupRequest: (request) => {
          const built = options.request(next++);
          return { ...request, method: built.method, path: built.path, headers: built.headers, body: built.body ?? "" };
        },
        onResponse: options.onAnswer ? (status, body) => options.onAnswer!(status, body) : undefined,
      },
    ],
  });
  const seconds = (performance.now() - started) / 1000;
  const ok = result["2xx"];
  return {
    requests: options.amount,
    seconds,
    perSecond: result.requests.total / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}
