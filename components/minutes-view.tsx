import { t } from "@/lib/messages";
import { factRows, type MinutesRecord, minutesTitle } from "@/lib/minutes";
import { formatFull } from "@/lib/time";

/**
 * One activity's minutes, as the screen shows them and as they print on A4 (`minutes-sheet` in globals.css):
 * the recorded facts first, then what people wrote, the addenda, the sign-off and the signature line — the
 * same order and figures as the Word file (lib/minutes-docx.ts).
 */
export function MinutesView({
  record,
  attachments = [],
}: {
  record: MinutesRecord;
  attachments?: { id: number; mime: string }[];
}) {
  const { facts } = record;
  return (
    <article
      className="minutes-sheet space-y-4 rounded-xl bg-white p-4 print:rounded-none print:p-0"
      aria-label={t.minutes.title}
    >
      <header className="text-center">
        <h2 className="text-xl font-bold">{t.minutes.sheetTitle(facts.branchName)}</h2>
        <p className="mt-1 font-medium">
          {minutesTitle(facts)}
          {!record.signedAt && <span className="text-amber-800">{t.minutes.draftMark}</span>}
        </p>
      </header>
      <table className="w-full border-collapse text-left text-sm" aria-label={t.minutes.facts}>
        <tbody>
          {factRows(record).map(([name, value]) => (
            <tr key={name}>
              <th scope="row" className="w-24 border border-stone-700 bg-stone-50 px-2 py-1 align-top font-medium">
                {name}
              </th>
              <td className="border border-stone-700 px-2 py-1">
                {Array.isArray(value) ? (
                  <ul>
                    {value.map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                ) : (
                  value
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <section>
        <h3 className="font-bold">{t.minutes.agenda}</h3>
        {facts.steps.length === 0 ? (
          <p>{t.minutes.noAgenda}</p>
        ) : (
          <ol className="list-decimal space-y-1 pl-6">
            {facts.steps.map((s) => (
              <li key={s.title}>
                {s.title}
                {s.mandatory && `（${t.minutes.mandatory}）`}：
                {s.doneAt ? t.minutes.stepDone(formatFull(new Date(s.doneAt))) : t.minutes.stepOpen}
                {s.note && `　${s.note}`}
                {s.evidenceId && (
                  <>
                    {"　"}
                    <a href={`/api/v1/uploads/${s.evidenceId}`} className="text-brand underline print:no-underline">
                      {t.minutes.evidence}
                    </a>
                  </>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section>
        <h3 className="font-bold">{t.minutes.discussion}</h3>
        <p className="whitespace-pre-wrap">{record.discussion || t.minutes.none}</p>
      </section>
      <section>
        <h3 className="font-bold">{t.minutes.resolutions}</h3>
        <p className="whitespace-pre-wrap">{record.resolutions || t.minutes.none}</p>
      </section>
      <section>
        <h3 className="font-bold">{t.minutes.attachments}</h3>
        {record.attachments === 0 ? (
          <p>{t.minutes.noAttachments}</p>
        ) : (
          <p className="flex flex-wrap gap-x-3">
            {attachments.map((a, i) => (
              <a
                key={a.id}
                href={`/api/v1/minutes-attachments/${a.id}`}
                target="_blank"
                rel="noopener"
                className="inline-block min-h-11 py-2 text-brand underline print:min-h-0 print:py-0 print:no-underline"
              >
                {t.minutes.attachmentLabel(i + 1)}
              </a>
            ))}
          </p>
        )}
      </section>
      {record.addenda.length > 0 && (
        <section>
          <h3 className="font-bold">{t.minutes.addenda}</h3>
          <ul className="space-y-2">
            {record.addenda.map((a) => (
              <li key={`${a.at.toISOString()}${a.body}`}>
                <p className="text-sm text-stone-700">{t.minutes.addendumBy(a.by, formatFull(a.at))}</p>
                <p className="whitespace-pre-wrap">{a.body}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p className="text-sm">
        {record.signedAt && record.signedByName
          ? t.minutes.signedBy(record.signedByName, formatFull(record.signedAt))
          : t.minutes.notSigned}
      </p>
    </article>
  );
}
