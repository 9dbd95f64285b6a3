/** Opens, migrates and (on an empty database) seeds at boot, so the first request does not wait ~5 s. */
export async function register() {
  // The literal comparison lets the bundler drop the database from the edge build of this file.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    if (process.env.NEXT_PHASE === "phase-production-build") return;
    const { getDb } = await import("./db");
    await getDb();
  }
}
