import { notFound, redirect } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { checkinParams, sealParams } from "@/lib/checkin-url";
import { t } from "@/lib/messages";
import type { PageArgs } from "@/lib/server/page-data";
import { signInForScan } from "@/lib/server/scan-seal";
import { getSessionUser } from "@/lib/server/session";
import { ScanCheckin } from "./scan-checkin";

export const metadata = { title: t.checkin.title };

/**
 * The address inside the QR code. A browser without the app's session (WeChat, the camera) is sent to sign
 * in from here, with the scan sealed at the time it arrived, and comes back here, where the check-in
 * completes and is judged at that time.
 */
export default async function ScanPage({ params, searchParams }: PageArgs<"activityId">) {
  const query = await searchParams;
  const checkin = checkinParams((await params).activityId, query.s, query.k);
  if (!checkin) notFound();
  if (!(await getSessionUser())) redirect(await signInForScan(checkin));
  return (
    <>
      <PageHeader title={t.checkin.title} />
      <main className="p-4">
        <ScanCheckin checkin={checkin} seal={sealParams(query.t, query.v)} />
      </main>
    </>
  );
}
