import type { ReactNode } from "react";
import { app } from "@/lib/messages/app";
import { PeriodNav } from "./period-nav";
import { PrintButton } from "./print-button";
import { DownloadLink } from "./ui/button";
import { PageHeader } from "./ui/page-header";

/**
 * A report for a period (a month's bulletin, a quarter's statistics, a year's assessment): the header, the
 * period with the one before and after, the spreadsheet and print buttons, and the heading the printed page
 * carries instead of the app's chrome.
 */
export function ReportPage({
  title,
  back,
  period,
  printTitle,
  download,
  before,
  after,
  children,
}: {
  title: string;
  back?: string;
  period: { label: string; prev: string; next: string };
  printTitle: string;
  download?: { href: string; label: string };
  /** Above the period (the branch's tabs); `after`, below the buttons (links to related reports). */
  before?: ReactNode;
  after?: ReactNode;
  children: ReactNode;
}) {
  return (
    <>
      <div className="print:hidden">
        <PageHeader title={title} back={back} />
      </div>
      <main className="space-y-3 p-4 print:p-0">
        <div className="space-y-3 print:hidden">
          {before}
          <PeriodNav {...period} />
          <div className="grid grid-cols-2 gap-2">
            {download && <DownloadLink href={download.href}>{download.label}</DownloadLink>}
            <PrintButton>{app.print}</PrintButton>
          </div>
          {after}
        </div>
        <h2 className="hidden text-center text-xl font-semibold print:block">{printTitle}</h2>
        {children}
      </main>
    </>
  );
}
