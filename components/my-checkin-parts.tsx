"use client";

import dynamic from "next/dynamic";

/**
 * The client parts of MyCheckin, each fetched only when shown: while the check-in window is open (the scan
 * button and the code entry, and what hides once they are used) or for a proxy entry (the dispute). MyCheckin is also
 * on the 长辈模式 home, and
 * Next hands the bundle of the page at "/" to every page that renders a Link (its client manifests merge the
 * root group into every route), so imported statically these would weigh on every page of the app.
 */
export const CheckinEntry = dynamic(() => import("./checkin-entry").then((m) => m.CheckinEntry));
export const DisputeForm = dynamic(() => import("./dispute-form").then((m) => m.DisputeForm));
export const HiddenOnceCheckedIn = dynamic(() => import("./hidden-once-checked-in").then((m) => m.HiddenOnceCheckedIn));
