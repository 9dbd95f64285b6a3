"use client";

import QRCode from "qrcode";
import { useEffect, useState } from "react";
import { codeFor, OFFLINE_GRACE_MINUTES, STEP_MS, stepAt } from "@/lib/checkin-token";
import { checkinUrl } from "@/lib/checkin-url";
import { checkin } from "@/lib/messages/checkin";
import { checkinReview } from "@/lib/messages/checkin-review";
import { run } from "@/lib/messages/run";

interface Summary {
  expected: number;
  present: string[];
  leave: string[];
  waiting: string[];
  pendingOffline: number;
}

/**
 * The rotating QR and code, drawn on the secretary's phone from the activity's secret, so it keeps working
 * without a network; the counts below refresh from the server when it can be reached.
 */
export function CheckinScreen({
  activityId,
  secret,
  initial,
}: {
  activityId: number;
  secret: string;
  initial: Summary;
}) {
  const [now, setNow] = useState(() => Date.now());
  const [code, setCode] = useState("");
  const [svg, setSvg] = useState("");
  const [summary, setSummary] = useState(initial);
  const step = stepAt(now);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => {
    let live = true;
    void codeFor(secret, activityId, step).then(async (c) => {
      const image = await QRCode.toString(checkinUrl(window.location.origin, activityId, step, c), {
        type: "svg",
        margin: 1,
        errorCorrectionLevel: "M",
      });
      if (live) {
        setCode(c);
        setSvg(image);
      }
    });
    return () => {
      live = false;
    };
  }, [secret, activityId, step]);

  useEffect(() => {
    const poll = async () => {
      const response = await fetch(`/api/v1/activities/${activityId}/attendance`, { cache: "no-store" }).catch(
        () => null,
      );
      const body = response?.ok ? await response.json() : null;
      if (body?.ok) setSummary(body.data);
    };
    const timer = setInterval(poll, 5000);
    return () => clearInterval(timer);
  }, [activityId]);

  const left = Math.ceil((STEP_MS - (now % STEP_MS)) / 1000);
  return (
    <div className="space-y-4">
      <div className="rounded-xl bg-white p-4 text-center">
        <div
          className="mx-auto aspect-square w-full max-w-72"
          role="img"
          aria-label={checkin.qrLabel}
          dangerouslySetInnerHTML={{ __html: svg }}
        />
        <p className="mt-3 text-sm text-stone-600">{checkin.codeLabel}</p>
        <p className="font-mono text-5xl font-bold tracking-[0.2em]" data-testid="checkin-code" aria-live="polite">
          {code}
        </p>
        <p className="mt-1 text-sm text-stone-600">{checkin.refresh(left)}</p>
        <p className="mt-2 text-sm text-stone-700">{checkin.scanHint}</p>
      </div>
      <div className="rounded-xl bg-white p-4">
        <h2 className="mb-2 text-lg font-semibold">{checkin.counts}</h2>
        <dl className="grid grid-cols-4 gap-2 text-center" data-testid="checkin-counts">
          {[
            [run.expected, summary.expected],
            [run.present, summary.present.length],
            [run.leave, summary.leave.length],
            [run.notYet, summary.waiting.length],
          ].map(([label, value]) => (
            <div key={label} className="rounded-lg bg-stone-50 p-2">
              <dt className="text-sm text-stone-600">{label}</dt>
              <dd className="text-2xl font-semibold">{value}</dd>
            </div>
          ))}
        </dl>
        {summary.present.length > 0 && (
          <p className="mt-3 text-sm">
            <span className="font-medium">{run.present}：</span>
            {summary.present.join("、")}
          </p>
        )}
        {summary.waiting.length > 0 && (
          <p className="mt-1 text-sm text-stone-700">
            <span className="font-medium">{run.notYet}：</span>
            {summary.waiting.join("、")}
          </p>
        )}
        {summary.pendingOffline > 0 && (
          <p className="mt-2 rounded-lg bg-amber-50 p-2 text-sm text-amber-900" data-testid="pending-offline">
            {checkinReview.pendingHere(summary.pendingOffline)}
          </p>
        )}
        <p className="mt-2 text-sm text-stone-600">{checkinReview.offlineRule(OFFLINE_GRACE_MINUTES)}</p>
      </div>
    </div>
  );
}
