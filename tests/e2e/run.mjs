// Runs Playwright with a Chromium it has actually found. E2E must never pass by skipping: if there is no
// browser, this says so in one line and fails.
import { spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const missing =
  "未找到 Chromium：请安装 Debian 的 chromium（apt-get install -y chromium）或设置 CHROMIUM_PATH / " +
  "No Chromium found: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH";

function executable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function playwrightChromium() {
  try {
    const file = require("playwright-core").chromium.executablePath();
    return executable(file) ? file : null;
  } catch {
    return null;
  }
}

function findChromium() {
  if (executable("/usr/bin/chromium")) return "/usr/bin/chromium";
  const own = playwrightChromium();
  if (own) return own;
  console.error("正在下载 Playwright 的 Chromium / downloading Playwright's Chromium…");
  spawnSync("npx", ["playwright", "install", "chromium"], { stdio: "inherit" });
  return playwrightChromium();
}

const chosen = process.env.CHROMIUM_PATH;
// An explicit choice is honoured or refused, never silently replaced by another browser.
if (chosen && !executable(chosen)) {
  console.error(`CHROMIUM_PATH=${chosen} 不存在或不可执行 / does not exist or is not executable`);
  process.exit(1);
}
const chromium = chosen || findChromium();
if (!chromium) {
  console.error(missing);
  process.exit(1);
}

// The app under test uses its own embedded database (see playwright.config.ts).
delete process.env.DATABASE_URL;
const run = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, CHROMIUM_PATH: chromium },
});
process.exit(run.status ?? 1);
