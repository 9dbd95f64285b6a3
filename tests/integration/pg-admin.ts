import postgres from "postgres";

/**
 * Admin side of the PostgreSQL-server mode: DATABASE_URL names a database only to give the server and a
 * name prefix. CREATE/DROP DATABASE run from the `postgres` maintenance database, because a database cannot
 * be dropped or used as a template while someone is connected to it.
 */
export function serverUrl(databaseUrl: string, database: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export function baseName(databaseUrl: string): string {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`DATABASE_URL needs a plain database name, got "${name}"`);
  return name;
}

export const templateName = (databaseUrl: string) => `${baseName(databaseUrl)}_template`;

export async function admin<T>(databaseUrl: string, run: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(serverUrl(databaseUrl, "postgres"), { max: 1, onnotice: () => {} });
  try {
    return await run(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}
