import { PrintButton } from "@/components/print-button";
import { PrintFooter } from "@/components/print-footer";
import { PageHeader } from "@/components/ui/page-header";
import { activityForSecretary } from "@/db/queries/activity-run";
import { t } from "@/lib/messages";
import { type PageArgs, pageData, pageId } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";
import { formatFull, monthOf } from "@/lib/time";

export const metadata = { title: t.printNotice.link };

/**
 * The activity's notice rendered for paper: the unified plan — time, agenda with its mandatory
 * steps, materials — as one A4 page a branch can post or hand out, retired-cadre branches above all.
 */
export default async function ActivityNoticePage({ params }: PageArgs<"activityId">) {
  const { db, scope } = await pageContext();
  const activityId = await pageId(params, "activityId");
  const { activity, steps } = await pageData(activityForSecretary(db, scope, activityId));
  const type = t.activityType[activity.type];
  const month = t.printNotice.month(Number(monthOf(activity.startsAt).slice(5)));
  return (
    <>
      <div className="print:hidden">
        <PageHeader title={t.printNotice.link} back={`/branch/activities/${activity.id}`} />
      </div>
      <main className="space-y-4 p-4 print:p-0">
        <div className="space-y-2 print:hidden">
          <p className="text-stone-700">{t.printNotice.hint}</p>
          <PrintButton>{t.printNotice.print}</PrintButton>
        </div>
        <article className="space-y-3 rounded-xl bg-white p-5 leading-relaxed shadow-sm print:rounded-none print:p-0 print:text-[12pt] print:shadow-none">
          <h2 className="text-center text-xl font-bold">{t.printNotice.heading(type, month)}</h2>
          <p>{t.printNotice.to(activity.branchName)}</p>
          <p className="indent-8">{t.printNotice.intro(type)}</p>
          <p>
            <span className="font-semibold">{`${t.printNotice.when}：`}</span>
            {t.printNotice.whenValue(formatFull(activity.startsAt), activity.durationMinutes)}
          </p>
          {activity.place && (
            <p>
              <span className="font-semibold">{`${t.printNotice.where}：`}</span>
              {activity.place}
            </p>
          )}
          <div>
            <p className="font-semibold">{`${t.printNotice.agenda}：`}</p>
            <ol className="list-decimal space-y-1 pl-8">
              {steps.map((s) => (
                <li key={s.id}>
                  {s.title}
                  {s.mandatory && t.printNotice.mandatory}
                </li>
              ))}
            </ol>
          </div>
          {activity.materials && (
            <div>
              <p className="font-semibold">{`${t.printNotice.materials}：`}</p>
              <p className="whitespace-pre-line">{activity.materials}</p>
            </div>
          )}
          {activity.links.length > 0 && (
            <div>
              <p className="font-semibold">{`${t.printNotice.links}：`}</p>
              <ul className="pl-8">
                {activity.links.map((l) => (
                  <li key={l.url} className="break-all">{`${l.title}：${l.url}`}</li>
                ))}
              </ul>
            </div>
          )}
          <PrintFooter issuer={t.printNotice.signature(activity.branchName)} signers={[t.print.secretary]} />
        </article>
      </main>
    </>
  );
}
