import { execFileSync, spawn } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * The production topology on one machine (docs/operations.md#topology): a PostgreSQL primary and a streaming
 * hot standby made from it with pg_basebackup, PgBouncer in transaction mode in front of the primary, two
 * `npm start` instances and nginx balancing them round robin. Everything lives under STACK_DIR (default
 * `.stack/`), listens on 127.0.0.1 only, and `down` removes it all; the machine's own PostgreSQL is never
 * touched. What is running is written to `<STACK_DIR>/state.json`, so `down` (another process) stops exactly
 * those processes.
 */

export interface StackConfig {
  dir: string;
  primaryPort: number;
  replicaPort: number;
  bouncerPort: number;
  appPorts: number[];
  port: number;
  distDir: string;
  authSecret: string;
  database: string;
  env: Record<string, string>;
}

export interface StackState {
  config: StackConfig;
  apps: Record<string, number>;
  bouncerPid: number;
}

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const PG_BIN = process.env.PG_BIN || newestPgBin();

export function stackConfig(overrides: Partial<StackConfig> = {}): StackConfig {
  const num = (name: string, fallback: number) => Number(process.env[name]) || fallback;
  return {
    dir: path.resolve(root, process.env.STACK_DIR || ".stack"),
    primaryPort: num("STACK_PRIMARY_PORT", 5441),
    replicaPort: num("STACK_REPLICA_PORT", 5442),
    bouncerPort: num("STACK_BOUNCER_PORT", 6441),
    appPorts: (process.env.STACK_APP_PORTS || "3141,3142").split(",").map(Number),
    port: num("STACK_PORT", 3140),
    distDir: process.env.NEXT_DIST_DIR || ".next",
    // Every instance must decrypt every other's session cookie: one secret for all.
    authSecret: process.env.AUTH_SECRET || "zhibu-stack-secret-0123456789abcdef0123456789",
    database: "zhibu",
    env: {},
    ...overrides,
  };
}

export const urls = (c: StackConfig) => ({
  primary: `postgres://postgres@127.0.0.1:${c.primaryPort}/${c.database}`,
  replica: `postgres://postgres@127.0.0.1:${c.replicaPort}/${c.database}`,
  bouncer: `postgres://postgres@127.0.0.1:${c.bouncerPort}/${c.database}`,
  balancer: `http://127.0.0.1:${c.port}`,
  app: (port: number) => `http://127.0.0.1:${port}`,
});

function newestPgBin(): string {
  const base = "/usr/lib/postgresql";
  if (!existsSync(base)) return "";
  const versions = execFileSync("ls", [base])
    .toString()
    .split("\n")
    .filter(Boolean)
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(base, versions[0], "bin") : "";
}

/** PostgreSQL and PgBouncer refuse to run as root: as root they run as the postgres user. */
const asRoot = process.getuid?.() === 0;
function service(command: string, args: string[], options: { timeout?: number } = {}): string {
  const [file, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
  return execFileSync(file, argv, {
    timeout: options.timeout ?? 120_000,
    stdio: ["ignore", "pipe", "pipe"],
  }).toString();
}
const pg = (tool: string) => (PG_BIN ? path.join(PG_BIN, tool) : tool);

function ownedDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString());
    chownSync(dir, uid, gid);
  }
}

const statePath = (c: StackConfig) => path.join(c.dir, "state.json");
export function readState(dir = stackConfig().dir): StackState | undefined {
  const file = path.join(dir, "state.json");
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as StackState) : undefined;
}
function writeState(state: StackState): void {
  writeFileSync(statePath(state.config), JSON.stringify(state, null, 2));
}

const log = (...parts: unknown[]) => console.log("[stack]", ...parts);

export async function stackUp(config = stackConfig()): Promise<StackState> {
  if (readState(config.dir)) throw new Error(`a stack is already up under ${config.dir}: npm run stack:down first`);
  mkdirSync(config.dir, { recursive: true });
  // The service user must reach its directories under the repository.
  if (asRoot) chmodSync(config.dir, 0o755);
  const state: StackState = { config, apps: {}, bouncerPid: 0 };
  writeState(state);
  startPrimary(config);
  startReplica(config);
  state.bouncerPid = await startBouncer(config);
  writeState(state);
  // Both at once on an empty database: one migrates (and seeds, if asked), the other waits for it.
  const started = await Promise.all(config.appPorts.map((port) => startApp(config, port)));
  config.appPorts.forEach((port, i) => {
    state.apps[port] = started[i];
  });
  writeState(state);
  writeNginx(config, config.appPorts);
  startNginx(config);
  await waitFor(`${urls(config).balancer}/api/v1/health`, 30_000);
  log(
    `up: ${urls(config).balancer} → ${config.appPorts.join(", ")}; primary :${config.primaryPort}, replica :${config.replicaPort}, PgBouncer :${config.bouncerPort}`,
  );
  return state;
}

function startPrimary(c: StackConfig): void {
  const data = path.join(c.dir, "primary");
  ownedDir(data);
  ownedDir(path.join(c.dir, "run"));
  ownedDir(path.join(c.dir, "logs"));
  if (asRoot) chmodSync(path.join(c.dir, "logs"), 0o755);
  service(pg("initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]);
  writeFileSync(
    path.join(data, "postgresql.conf"),
    [
      `port = ${c.primaryPort}`,
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${path.join(c.dir, "run")}'`,
      "wal_level = replica",
      "max_wal_senders = 4",
      "hot_standby = on",
      "max_connections = 100",
      "shared_buffers = 64MB",
      // A standby that stops for a while can catch up from the primary's WAL instead of a new base backup.
      "wal_keep_size = 256MB",
      "log_min_duration_statement = 1000",
    ].join("\n"),
    { flag: "a" },
  );
  service(pg("pg_ctl"), ["-D", data, "-l", path.join(c.dir, "logs", "primary.log"), "-w", "start"]);
  service(pg("psql"), [
    "-h",
    "127.0.0.1",
    "-p",
    String(c.primaryPort),
    "-U",
    "postgres",
    "-qc",
    `create database ${c.database}`,
  ]);
  log(`primary on :${c.primaryPort}`);
}

function startReplica(c: StackConfig): void {
  const data = path.join(c.dir, "replica");
  ownedDir(data);
  // -R writes standby.signal and primary_conninfo: the copy starts as a hot standby streaming from the primary.
  service(pg("pg_basebackup"), [
    "-h",
    "127.0.0.1",
    "-p",
    String(c.primaryPort),
    "-U",
    "postgres",
    "-D",
    data,
    "-R",
    "-X",
    "stream",
    "-c",
    "fast",
  ]);
  writeFileSync(path.join(data, "postgresql.auto.conf"), `port = ${c.replicaPort}\n`, { flag: "a" });
  service(pg("pg_ctl"), ["-D", data, "-l", path.join(c.dir, "logs", "replica.log"), "-w", "start"]);
  log(`replica on :${c.replicaPort}`);
}

/**
 * PgBouncer in transaction mode. Prepared statements through it need PgBouncer ≥ 1.21
 * (max_prepared_statements); with an older one the app is told DATABASE_PREPARE=false.
 */
export function bouncerVersion(): [number, number] {
  const out = execFileSync("pgbouncer", ["--version"]).toString();
  const match = /PgBouncer (\d+)\.(\d+)/.exec(out);
  return match ? [Number(match[1]), Number(match[2])] : [0, 0];
}
export const bouncerPrepares = () => {
  const [major, minor] = bouncerVersion();
  return major > 1 || (major === 1 && minor >= 21);
};

async function startBouncer(c: StackConfig): Promise<number> {
  const dir = path.join(c.dir, "pgbouncer");
  ownedDir(dir);
  writeFileSync(path.join(dir, "userlist.txt"), '"postgres" ""\n');
  const ini = [
    "[databases]",
    `${c.database} = host=127.0.0.1 port=${c.primaryPort} dbname=${c.database}`,
    "[pgbouncer]",
    "listen_addr = 127.0.0.1",
    `listen_port = ${c.bouncerPort}`,
    `unix_socket_dir = ${path.join(c.dir, "run")}`,
    "auth_type = trust",
    `auth_file = ${path.join(dir, "userlist.txt")}`,
    "pool_mode = transaction",
    "admin_users = postgres",
    "max_client_conn = 400",
    "default_pool_size = 20",
    "ignore_startup_parameters = extra_float_digits,options",
    `logfile = ${path.join(c.dir, "logs", "pgbouncer.log")}`,
    `pidfile = ${path.join(dir, "pgbouncer.pid")}`,
    ...(bouncerPrepares() ? ["max_prepared_statements = 200"] : []),
  ];
  writeFileSync(path.join(dir, "pgbouncer.ini"), `${ini.join("\n")}\n`);
  if (asRoot) execFileSync("chown", ["-R", "postgres:postgres", dir]);
  service("pgbouncer", ["-d", path.join(dir, "pgbouncer.ini")]);
  for (let i = 0; i < 50 && !existsSync(path.join(dir, "pgbouncer.pid")); i++) await sleep(100);
  const pid = Number(readFileSync(path.join(dir, "pgbouncer.pid"), "utf8"));
  log(
    `PgBouncer ${bouncerVersion().join(".")} on :${c.bouncerPort} (transaction mode, prepared statements ${bouncerPrepares() ? "on" : "off"})`,
  );
  return pid;
}

/** The environment of one app instance. */
export function appEnv(c: StackConfig, port: number): NodeJS.ProcessEnv {
  const u = urls(c);
  return {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    NEXT_DIST_DIR: c.distDir,
    DATABASE_URL: u.bouncer,
    DATABASE_DIRECT_URL: u.primary,
    DATABASE_PREPARE: bouncerPrepares() ? "true" : "false",
    DATABASE_REPLICA_URL: u.replica,
    AUTH_SECRET: c.authSecret,
    NEXTAUTH_URL: u.balancer,
    TRUSTED_PROXIES: "127.0.0.1",
    SEED_DEMO: "true",
    ...c.env,
  };
}

/**
 * Starts `npm start`'s server for one port, detached (it outlives `stack:up`); resolves with its pid once it answers.
 */
export async function startApp(c: StackConfig, port: number): Promise<number> {
  const out = openSync(path.join(c.dir, "logs", `app-${port}.log`), "a");
  const child = spawn(process.execPath, ["server.mjs"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", out, out],
    env: appEnv(c, port),
  });
  child.unref();
  const pid = child.pid ?? 0;
  await waitFor(`${urls(c).app(port)}/api/v1/health`, 180_000, () => {
    if (child.exitCode !== null) throw new Error(`app on :${port} exited; see ${c.dir}/logs/app-${port}.log`);
  });
  log(`app on :${port}, pid ${pid}`);
  return pid;
}

/** Starts an instance again on its port (after it died) and records its new pid for `down`. */
export async function restartApp(dir: string, port: number): Promise<number> {
  const state = readState(dir);
  if (!state) throw new Error(`no stack under ${dir}`);
  state.apps[port] = await startApp(state.config, port);
  writeState(state);
  return state.apps[port];
}

/** Rewrites nginx's upstream to these instances (the benchmark runs with one, then two). */
export function writeNginx(c: StackConfig, ports: number[]): void {
  const dir = path.join(c.dir, "nginx");
  mkdirSync(path.join(dir, "logs"), { recursive: true });
  const conf = `
pid ${dir}/nginx.pid;
error_log ${c.dir}/logs/nginx-error.log warn;
worker_processes 1;
events { worker_connections 2048; }
http {
  # Which instance answered each request, for the operator and the topology tests.
  log_format upstream '$time_iso8601 $request_method $uri $status $upstream_addr $request_time';
  access_log ${c.dir}/logs/nginx-access.log upstream;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  client_max_body_size 8m;
  upstream zhibu {
    # Round robin, no stickiness: any instance serves any request (docs/operations.md#topology).
${ports.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`).join("\n")}
    keepalive 64;
  }
  server {
    listen 127.0.0.1:${c.port};
    location / {
      proxy_pass http://zhibu;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      # A request that failed before reaching an instance goes to the next one; a POST that an instance
      # took and died on is not resent by nginx (non_idempotent is off): the phone's outbox resends it.
      proxy_next_upstream error timeout http_502;
      proxy_connect_timeout 2s;
      proxy_read_timeout 60s;
    }
  }
}
`;
  writeFileSync(path.join(dir, "nginx.conf"), conf);
  if (asRoot) execFileSync("chown", ["-R", "postgres:postgres", dir]);
}

function startNginx(c: StackConfig): void {
  const dir = path.join(c.dir, "nginx");
  service("nginx", ["-p", dir, "-c", path.join(dir, "nginx.conf"), "-e", path.join(c.dir, "logs", "nginx-error.log")]);
  log(`nginx on :${c.port}`);
}

/** Points nginx at these instances without dropping connections. */
export function balance(c: StackConfig, ports: number[]): void {
  writeNginx(c, ports);
  const dir = path.join(c.dir, "nginx");
  service("nginx", [
    "-p",
    dir,
    "-c",
    path.join(dir, "nginx.conf"),
    "-e",
    path.join(c.dir, "logs", "nginx-error.log"),
    "-s",
    "reload",
  ]);
}

export function stackDown(dir = stackConfig().dir): void {
  const state = readState(dir);
  if (!state) {
    if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
    log("nothing was up");
    return;
  }
  const c = state.config;
  for (const pid of Object.values(state.apps)) stop(pid);
  const nginxPid = path.join(c.dir, "nginx", "nginx.pid");
  if (existsSync(nginxPid)) stop(Number(readFileSync(nginxPid, "utf8")));
  if (state.bouncerPid) stop(state.bouncerPid);
  for (const name of ["replica", "primary"]) {
    const data = path.join(c.dir, name);
    if (existsSync(path.join(data, "postmaster.pid"))) {
      try {
        service(pg("pg_ctl"), ["-D", data, "-m", "fast", "-w", "stop"], { timeout: 60_000 });
      } catch (error) {
        log(`${name}: ${String(error).split("\n")[0]}`);
      }
    }
  }
  rmSync(c.dir, { recursive: true, force: true });
  log("down");
}

function stop(pid: number): void {
  try {
    process.kill(pid, "SIGTERM");
  } catch {
    return; // already gone
  }
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    execFileSync("sleep", ["0.1"]);
  }
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    // gone
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `url` answers 200; `check` may throw to give up early. */
export async function waitFor(url: string, ms: number, check?: () => void): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    check?.();
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${ms / 1000} s`);
    await sleep(250);
  }
}
