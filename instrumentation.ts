/**
 * At boot: opens, migrates and (on an empty database) seeds, so the first request does not wait ~5 s; hands
 * server.mjs the routes it serves before Next's router (lib/fast-routes.ts); and starts the push sweep and the
 * roster job.
 */
export async function register() {
  // The literal comparison lets the bundler drop the database from the edge build of this file.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    if (process.env.NEXT_PHASE === "phase-production-build") return;
    const [{ getDb }, { fastRoutes }, { sendDuePushes, sendPushesEvery }, { freezeRostersEvery }] = await Promise.all([
      import("./db"),
      import("./lib/fast-routes"),
      import("./lib/push"),
      import("./lib/roster-freeze"),
    ]);
    (globalThis as { zhibuFastRoutes?: typeof fastRoutes }).zhibuFastRoutes = fastRoutes;
    const db = await getDb();
    // Pushes a crash or a failing push service left in the outbox, now and every minute (lib/push.ts).
    sendDuePushes(db);
    sendPushesEvery(db);
    // Expected rosters of the activities that have started stop following their branch.
    freezeRostersEvery(db);
  }
}
