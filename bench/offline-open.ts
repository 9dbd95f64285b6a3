import { chromium } from "@playwright/test";

/**
 * docs/architecture.md#budgets: "an installed app opens the check-in screen offline in under 1.5 s". For bench:web.
 *
 * A phone-sized Chromium profile signs in (the session cookie), lets the service worker install and take
 * control, and opens each screen once online, as a person does the day before. Then, offline and with the
 * CPU slowed 4× (Lighthouse's mobile setting), each screen is opened afresh in a new tab of that profile —
 * what tapping the installed app's icon or shortcut does — `runs` times. Timed from the navigation until
 * the screen can be used: its `ready` element visible (the code field; on the secretary's screen the code,
 * which the page draws itself from the cached secret) and the page's scripts run (the load event).
 */
export interface OfflineScreen {
  name: string;
  path: string;
  /** The session cookie "name=value" of the person who opens it. */
  cookie: string;
  /** A CSS selector that is visible once the screen is usable. */
  ready: string;
}

export interface OfflineOpen {
  screen: string;
  path: string;
  /** Median and slowest of the runs, ms from navigation to `ready` visible and the load event. */
  medianMs: number;
  maxMs: number;
  runs: number[];
}

export async function measureOfflineOpen(
  origin: string,
  executablePath: string,
  screens: OfflineScreen[],
  runs = 5,
): Promise<OfflineOpen[]> {
  const browser = await chromium.launch({
    executablePath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  try {
    const results: OfflineOpen[] = [];
    for (const screen of screens) {
      const context = await browser.newContext({
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
        locale: "zh-CN",
        timezoneId: "Asia/Shanghai",
      });
      const [name, value] = [
        screen.cookie.slice(0, screen.cookie.indexOf("=")),
        screen.cookie.slice(screen.cookie.indexOf("=") + 1),
      ];
      await context.addCookies([{ name, value, url: origin }]);
      const page = await context.newPage();
      await page.goto(`${origin}/`);
      await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === "activated", undefined, {
        timeout: 60_000,
      });
      await page.goto(`${origin}${screen.path}`);
      await page.locator(screen.ready).first().waitFor();
      await page.close();
      await context.setOffline(true);
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const tab = await context.newPage();
        const cdp = await context.newCDPSession(tab);
        await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
        const started = performance.now();
        await tab.goto(`${origin}${screen.path}`, { waitUntil: "load" });
        await tab.locator(screen.ready).first().waitFor();
        times.push(Math.round(performance.now() - started));
        // Offline, so it must have come from the service worker's cache.
        if (!(await tab.evaluate(() => Boolean(navigator.serviceWorker.controller))))
          throw new Error(`${screen.name}: not served by the service worker`);
        await tab.close();
      }
      await context.close();
      const sorted = [...times].sort((a, b) => a - b);
      results.push({
        screen: screen.name,
        path: screen.path,
        medianMs: sorted[Math.floor(sorted.length / 2)],
        maxMs: sorted[sorted.length - 1],
        runs: times,
      });
    }
    return results;
  } finally {
    await browser.close();
  }
}
