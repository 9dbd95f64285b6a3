import http from "node:http";
import { performance } from "node:perf_hooks";

/**
 * A small HTTP client for journeys: open-loop arrivals at a fixed rate (a member arrives whether or not the
 * server has answered the ones before, as on the day), each journey a sequence of steps, each step a few
 * requests sent together (a page and what it fetches on load). A closed loop of single requests measures one
 * page alone. node:http with keep-alive sockets: autocannon (bench/load.ts) cannot chain requests per member.
 */
export interface Sent {
  /** What to call it in the figures (the path with ids taken out). */
  label: string;
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: string;
}

interface Answer {
  status: number;
  ms: number;
  setCookie?: string[];
}

const TIMEOUT_MS = 30_000;
const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });

function send(origin: URL, request: Sent): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve) => {
    const headers: Record<string, string> = { ...request.headers, host: origin.host };
    if (request.body !== undefined) headers["content-length"] = String(Buffer.byteLength(request.body));
    const req = http.request(
      {
        host: origin.hostname,
        port: origin.port,
        method: request.method,
        path: request.path,
        headers,
        agent,
        timeout: TIMEOUT_MS,
      },
      (res) => {
        res.resume();
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            ms: performance.now() - started,
            setCookie: res.headers["set-cookie"],
          }),
        );
        res.on("error", () => resolve({ status: 0, ms: performance.now() - started }));
      },
    );
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", () => resolve({ status: 0, ms: performance.now() - started }));
    req.end(request.body);
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted.length
    ? Math.round(sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] * 10) / 10
    : null;
const ok = (status: number) => status >= 200 && status < 400;

function tally() {
  const statuses: Record<string, number> = {};
  let errors = 0;
  return {
    statuses,
    get errors() {
      return errors;
    },
    count(label: string, status: number) {
      const key = `${label} ${status || "error"}`;
      statuses[key] = (statuses[key] ?? 0) + 1;
      if (!ok(status)) errors++;
    },
  };
}

/** `count` requests, `connections` in flight at a time, each sent as soon as one before it is answered. */
export async function closedLoop(options: {
  origin: string;
  connections: number;
  count: number;
  request: (i: number) => Sent | Promise<Sent>;
}) {
  const origin = new URL(options.origin);
  const times: number[] = [];
  const seen = tally();
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.connections }, async () => {
      while (next < options.count) {
        const request = await options.request(next++);
        const answer = await send(origin, request);
        times.push(answer.ms);
        seen.count(request.label, answer.status);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return {
    requests: options.count,
    seconds,
    perSecond: options.count / seconds,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    errors: seen.errors,
    statuses: seen.statuses,
  };
}

/**
 * `count` journeys arriving `rate` per second. Within a journey the session cookie a response sets (the
 * proxy renewing it) is sent with the later requests, as a browser would. A step's time runs from its first
 * request to its last answer.
 */
export async function openLoop(options: {
  origin: string;
  rate: number;
  count: number;
  steps: number;
  step: (n: number, step: number) => Sent[] | Promise<Sent[]>;
}) {
  const origin = new URL(options.origin);
  const stepTimes: number[][] = [];
  const seen = tally();
  const started = performance.now();
  const runs: Promise<void>[] = [];
  const one = async (n: number) => {
    let cookie: string | undefined;
    for (let s = 0; s < options.steps; s++) {
      const requests = await options.step(n, s); // built when due: a code is good for its 15-second step
      const stepStarted = performance.now();
      const answers = await Promise.all(
        requests.map(async (request) => {
          const answer = await send(origin, cookie ? { ...request, headers: { ...request.headers, cookie } } : request);
          seen.count(request.label, answer.status);
          return answer;
        }),
      );
      stepTimes[s] ??= [];
      stepTimes[s].push(performance.now() - stepStarted);
      const renewed = answers.flatMap((a) => a.setCookie ?? []).find((c) => /next-auth\.session-token=/.test(c));
      if (renewed) cookie = renewed.split(";", 1)[0];
      if (answers.some((a) => !ok(a.status))) return; // a member whose page failed does not go on
    }
  };
  for (let n = 0; n < options.count; n++) {
    const due = started + (n * 1000) / options.rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    runs.push(one(n));
  }
  const arrivals = (performance.now() - started) / 1000;
  await Promise.all(runs);
  const seconds = (performance.now() - started) / 1000;
  const steps = stepTimes.map((times) => {
    times.sort((a, b) => a - b);
    return { p50: percentile(times, 50), p99: percentile(times, 99), n: times.length };
  });
  // Achieved: journeys finished per second of the whole run, the tail of answers included.
  return {
    requests: options.count,
    seconds,
    arrivals,
    achieved: options.count / seconds,
    steps,
    errors: seen.errors,
    statuses: seen.statuses,
  };
}
