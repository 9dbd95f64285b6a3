import { branchLedger } from "@/db/queries/records";
import { t } from "@/lib/messages";
import { ledgerDocx } from "@/lib/minutes-docx";
import { endpoint } from "@/lib/server/route";
import { ledgerQuery } from "@/lib/validation/minutes";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** The branch's 台账 of one year as one Word document, for its secretary and the admins above. */
export const GET = endpoint({
  name: "minutes.ledger.export",
  input: ledgerQuery,
  answer: "file",
  run: async (input, { db, scope }) => {
    const { branch, entries } = await branchLedger(db, scope, input.branchId, input.year);
    const bytes = await ledgerDocx(branch.name, input.year, entries);
    return {
      mime: DOCX,
      bytes: new Uint8Array(bytes),
      download: `${t.minutes.ledgerTitle(branch.name, input.year)}.docx`,
    };
  },
});
