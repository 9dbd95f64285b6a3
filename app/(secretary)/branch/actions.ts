"use server";

import { issueActivationCode } from "@/db/queries/accounts";
import { settleCorrection } from "@/db/queries/privacy";
import { addMember, importMembers, setMemberActive, takenPhones, updateMember } from "@/db/queries/roster";
import { t } from "@/lib/messages";
import { readRosterFile } from "@/lib/roster-import";
import { action } from "@/lib/server/action";
import { correctionDoneInput } from "@/lib/validation/privacy";
import {
  addMemberInput,
  importInput,
  memberRef,
  setMemberActiveInput,
  updateMemberInput,
} from "@/lib/validation/roster";

export const addMemberAction = action("roster.add", addMemberInput, (input, { db, scope }) =>
  addMember(db, scope, input),
);

export const updateMemberAction = action("roster.update", updateMemberInput, (input, { db, scope }) =>
  updateMember(db, scope, input),
);

export const setMemberActiveAction = action("roster.set_active", setMemberActiveInput, (input, { db, scope }) =>
  setMemberActive(db, scope, input),
);

export const issueCodeAction = action("account.issue_code", memberRef, (input, { db, scope }) =>
  issueActivationCode(db, scope, input),
);

/**
 * Preview and import are one action: the file is read and every row checked both times, and only the
 * "import" button writes, and only when no row is bad.
 */
export const importRosterAction = action("roster.import", importInput, async (input, { db, scope }) => {
  const sheet = await readRosterFile(input.file);
  const taken = await takenPhones(db, scope, {
    branchId: input.branchId,
    phones: sheet.rows.map((r) => r.value.phone),
  });
  const errors = [
    ...sheet.errors,
    ...sheet.rows
      .filter((r) => taken.has(r.value.phone))
      .map((r) => ({ row: r.row, reasons: [t.importer.phoneTaken] })),
  ].sort((a, b) => a.row - b.row);
  const total = sheet.rows.length + sheet.errors.length;
  if (input.intent !== "import" || errors.length > 0) return { imported: 0, total, errors };
  const { count } = await importMembers(db, scope, { branchId: input.branchId, rows: sheet.rows.map((r) => r.value) });
  return { imported: count, total, errors };
});

export const settleCorrectionAction = action(
  "privacy.correction_done",
  correctionDoneInput,
  async (input, { db, scope }) => {
    await settleCorrection(db, scope, input);
    return t.privacy.correction.doneSaved;
  },
);
