import { and, gte, lt, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

/** The column's instant lies in [from, to): how every report cuts out its month, quarter or year. */
export const within = (column: PgColumn, from: Date, to: Date): SQL => and(gte(column, from), lt(column, to))!;
