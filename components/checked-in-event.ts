/**
 * Sent on the window once the activity page records a typed check-in (components/checkin-entry.tsx), with the
 * activity's id, for what the page shows only before a check-in (components/hidden-once-checked-in.tsx).
 */
export const CHECKED_IN_EVENT = "zhibu:checked-in";
