import { sql } from "drizzle-orm";
import { pointEntries } from "../schema/points";

/**
 * What a ledger entry is, for every report that counts deductions. A correction reverses an earlier entry
 * (`reversesId`); it is not a penalty, whatever its sign. A deduction is a rule (or a manual entry) taking
 * points away that still stands: one reversed since was a mistake, not a penalty either.
 */
export const isCorrection = sql<boolean>`${pointEntries.reversesId} is not null`;

export const isDeduction = sql<boolean>`(${pointEntries.points} < 0 and ${pointEntries.reversesId} is null
  and not exists (select 1 from ${pointEntries} as undone where undone.reverses_id = ${pointEntries.id}))`;
