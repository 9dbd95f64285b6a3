"use client";

import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { importer } from "@/lib/messages/importer";
import { importRosterAction } from "../../actions";

type Result = Awaited<ReturnType<typeof importRosterAction>>;
type Report = Extract<Result, { ok: true }>["data"];

function ImportReport({ imported, total, errors }: Report) {
  if (imported > 0) return <p>{importer.done(imported)}</p>;
  if (errors.length === 0) return <p>{importer.ok(total)}</p>;
  return (
    <div className="text-red-900">
      <p className="font-medium">{importer.bad(errors.length, total)}</p>
      <ul className="mt-2 space-y-1" aria-label={importer.badRows}>
        {errors.map((e) => (
          <li key={e.row}>
            <span className="font-medium">{importer.row(e.row)}</span>：{e.reasons.join("；")}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ImportForm({ branchId }: { branchId: number }) {
  return (
    <ActionForm action={importRosterAction} success={(report) => <ImportReport {...report} />}>
      <input type="hidden" name="branchId" value={branchId} />
      <Field
        label={importer.file}
        name="file"
        type="file"
        accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
        className="block w-full min-h-11 rounded-lg border border-stone-500 bg-white p-2"
      />
      <div className="grid grid-cols-2 gap-2">
        <SubmitButton name="intent" value="preview" variant="secondary">
          {importer.preview}
        </SubmitButton>
        <SubmitButton name="intent" value="import">
          {importer.confirm}
        </SubmitButton>
      </div>
    </ActionForm>
  );
}
