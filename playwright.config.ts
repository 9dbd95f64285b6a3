import { defineConfig } from "@playwright/test";

// E2E_PORT and NEXT_DIST_DIR let two runs share a machine without clashing.
const port = Number(process.env.E2E_PORT) || 3100;
const baseURL = `http://localhost:${port}`;

// E2E always runs on its own embedded PGlite, never on a server database from the caller's shell: the
// web server inherits this process's environment, and env.ts rejects an empty DATABASE_URL, so remove it.
delete process.env.DATABASE_URL;

const dataDir = `.data/e2e-${port}`;
const build = process.env.E2E_SKIP_BUILD === "1" ? "" : "npm run build && ";

export default defineConfig({
  testDir: "tests/e2e",
  // One server, one database: journeys share state, so they run one at a time in file order.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: "list",
  timeout: 60_000,
  use: {
    baseURL,
    // A mid-range Android phone, the device members and secretaries actually use.
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    screenshot: "only-on-failure",
    launchOptions: {
      // Set by tests/e2e/run.mjs, which finds a browser or says clearly why there is none.
      executablePath: process.env.CHROMIUM_PATH,
      // Containers without user namespaces or a GPU; the rest stops background traffic that slows CI.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: {
    // The production build served as deployed (npm start: server.mjs); a fresh database each run so the demo
    // seed is the starting state.
    command: `rm -rf ${dataDir} && ${build}npm start`,
    url: `${baseURL}/login`,
    env: {
      PORT: String(port),
      DATA_DIR: dataDir,
      NEXTAUTH_URL: baseURL,
      AUTH_SECRET: "zhibu-e2e-fixed-test-secret-not-for-prod",
    },
    timeout: 600_000,
    reuseExistingServer: false,
  },
});
