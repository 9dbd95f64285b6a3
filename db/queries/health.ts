import { sql } from "drizzle-orm";
import type { Db } from "../open";

/**
 * What the operator's health check asks of the databases (docs/operations.md#health). No scope: nothing of
 * anyone is read, only the servers' own WAL positions.
 */

/** The primary's current WAL position; also proves it answers and is not itself a standby. */
export async function primaryPosition(db: Db): Promise<{ lsn: string; inRecovery: boolean }> {
  const rows = await db.execute(
    sql`select case when pg_is_in_recovery() then null
      else pg_current_wal_lsn()::text end as lsn, pg_is_in_recovery() as in_recovery`,
  );
  const row = firstRow<{ lsn: string | null; in_recovery: boolean }>(rows);
  return { lsn: row?.lsn ?? "0/0", inRecovery: Boolean(row?.in_recovery) };
}

/**
 * How far the standby is behind the primary's position `primaryLsn`: bytes of WAL not yet replayed, and the
 * age of the last transaction it replayed when there are such bytes (0 when it has replayed everything: an
 * idle primary does not make a standby late).
 */
export async function replicaLag(
  replica: Db,
  primaryLsn: string,
): Promise<{ inRecovery: boolean; lagBytes: number; lagSeconds: number }> {
  const rows = await replica.execute(sql`
    select pg_is_in_recovery() as in_recovery,
           greatest(pg_wal_lsn_diff(${primaryLsn}::pg_lsn, pg_last_wal_replay_lsn()), 0)::text as lag_bytes,
           extract(epoch from now() - pg_last_xact_replay_timestamp())::float8 as age`);
  const row = firstRow<{ in_recovery: boolean; lag_bytes: string | null; age: number | null }>(rows);
  const lagBytes = Number(row?.lag_bytes ?? 0);
  return {
    inRecovery: Boolean(row?.in_recovery),
    lagBytes,
    lagSeconds: lagBytes > 0 ? Math.max(0, Number(row?.age ?? 0)) : 0,
  };
}

/** postgres.js answers an array of rows, PGlite an object holding them. */
function firstRow<T>(result: unknown): T | undefined {
  const rows = Array.isArray(result) ? result : (result as { rows?: unknown[] }).rows;
  return rows?.[0] as T | undefined;
}
