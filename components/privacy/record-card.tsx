import { Card } from "@/components/ui/card";
import type { myRecord } from "@/db/queries/record-confirmation";
import { t } from "@/lib/messages";
import { formatFull } from "@/lib/time";
import { ConfirmRecordForm } from "./correction-forms";

type MyRecord = Awaited<ReturnType<typeof myRecord>>;

/** On 我的: the record the branch keeps of the member, and this year's confirmation of it. */
export function RecordCard({ record }: { record: MyRecord }) {
  const rows: [string, string][] = [
    [t.privacy.confirm.fields.name, record.name],
    [t.privacy.confirm.fields.phone, record.phone],
    [t.privacy.confirm.fields.branch, record.branch],
    [t.privacy.confirm.fields.gender, t.member.gender[record.gender]],
    [t.privacy.confirm.fields.category, t.member.category[record.category]],
    [t.privacy.confirm.fields.joinedOn, record.joinedOn ?? t.privacy.confirm.unknown],
    [t.privacy.confirm.fields.presence, t.member.presence[record.presence]],
    [t.privacy.confirm.fields.employment, t.member.employment[record.employment]],
  ];
  return (
    <Card title={t.privacy.confirm.title(record.year)}>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-stone-600">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {record.confirmedAt ? (
        <p className="mt-3 font-medium text-green-800" data-testid="record-confirmed">
          {t.privacy.confirm.done(formatFull(record.confirmedAt))}
        </p>
      ) : (
        <div className="mt-3 space-y-2">
          <p className="text-stone-700">{t.privacy.confirm.hint}</p>
          <ConfirmRecordForm />
        </div>
      )}
    </Card>
  );
}
