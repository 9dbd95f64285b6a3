/**
 * Every piece of interface text, in Simplified Chinese, as one object `t` made of one module per area
 * (lib/messages/<area>.ts), so that a second language is one more set of objects of the same shape.
 * Server code uses `t`. Client components (and what they import) take only the areas they show, e.g.
 * `import { checkin } from "@/lib/messages/checkin"`: whatever a client module imports ships to every page
 * that renders it, and `t` is all of it.
 */
import { app } from "./messages/app";
import { nav } from "./messages/nav";
import { roles } from "./messages/roles";
import { orgKind } from "./messages/org-kind";
import { activityType } from "./messages/activity-type";
import { plans } from "./messages/plans";
import { run } from "./messages/run";
import { checkin } from "./messages/checkin";
import { checkinReview } from "./messages/checkin-review";
import { compliance } from "./messages/compliance";
import { scheduleChange } from "./messages/schedule-change";
import { member } from "./messages/member";
import { totp } from "./messages/totp";
import { errors } from "./messages/errors";
import { validation } from "./messages/validation";
import { auth } from "./messages/auth";
import { security } from "./messages/security";
import { roster } from "./messages/roster";
import { importer } from "./messages/importer";
import { org } from "./messages/org";
import { audit } from "./messages/audit";
import { home } from "./messages/home";
import { notices } from "./messages/notices";
import { memberActivity } from "./messages/member-activity";
import { empty } from "./messages/empty";
import { leave } from "./messages/leave";
import { community } from "./messages/community";
import { points } from "./messages/points";
import { assessment } from "./messages/assessment";
import { printNotice } from "./messages/print-notice";
import { stats } from "./messages/stats";
import { dashboard } from "./messages/dashboard";
import { common } from "./messages/common";
import { assist } from "./messages/assist";
import { elder } from "./messages/elder";
import { pwa } from "./messages/pwa";
import { push } from "./messages/push";
import { scan } from "./messages/scan";
import { ops } from "./messages/ops";
import { print } from "./messages/print";

export const t = {
  app,
  nav,
  roles,
  orgKind,
  activityType,
  plans,
  run,
  checkin,
  checkinReview,
  compliance,
  scheduleChange,
  member,
  totp,
  errors,
  validation,
  auth,
  security,
  roster,
  importer,
  org,
  audit,
  home,
  notices,
  memberActivity,
  empty,
  leave,
  community,
  points,
  assessment,
  printNotice,
  stats,
  dashboard,
  common,
  assist,
  elder,
  pwa,
  push,
  scan,
  ops,
  print,
} as const;
