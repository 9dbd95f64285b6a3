/**
 * Every piece of interface text, in Simplified Chinese, as one object `t` made of one module per area
 * (lib/messages/<area>.ts), so that a second language is one more set of objects of the same shape.
 * Server code uses `t`. Client components (and what they import) take only the areas they show, e.g.
 * `import { checkin } from "@/lib/messages/checkin"`: whatever a client module imports ships to every page
 * that renders it, and `t` is all of it.
 */

import { about } from "./messages/about";
import { activityType } from "./messages/activity-type";
import { app } from "./messages/app";
import { assessment } from "./messages/assessment";
import { assist } from "./messages/assist";
import { audit } from "./messages/audit";
import { auth } from "./messages/auth";
import { checkin } from "./messages/checkin";
import { checkinReview } from "./messages/checkin-review";
import { common } from "./messages/common";
import { community } from "./messages/community";
import { compliance } from "./messages/compliance";
import { dashboard } from "./messages/dashboard";
import { dues } from "./messages/dues";
import { elder } from "./messages/elder";
import { empty } from "./messages/empty";
import { errors } from "./messages/errors";
import { feedback } from "./messages/feedback";
import { home } from "./messages/home";
import { importer } from "./messages/importer";
import { leave } from "./messages/leave";
import { member } from "./messages/member";
import { memberActivity } from "./messages/member-activity";
import { membership } from "./messages/membership";
import { minutes } from "./messages/minutes";
import { nav } from "./messages/nav";
import { notices } from "./messages/notices";
import { ops } from "./messages/ops";
import { org } from "./messages/org";
import { orgKind } from "./messages/org-kind";
import { plans } from "./messages/plans";
import { points } from "./messages/points";
import { print } from "./messages/print";
import { printNotice } from "./messages/print-notice";
import { privacy } from "./messages/privacy";
import { push } from "./messages/push";
import { pwa } from "./messages/pwa";
import { reach } from "./messages/reach";
import { records } from "./messages/records";
import { review } from "./messages/review";
import { roles } from "./messages/roles";
import { roster } from "./messages/roster";
import { run } from "./messages/run";
import { scan } from "./messages/scan";
import { scheduleChange } from "./messages/schedule-change";
import { security } from "./messages/security";
import { stats } from "./messages/stats";
import { today } from "./messages/today";
import { totp } from "./messages/totp";
import { validation } from "./messages/validation";
import { yearReport } from "./messages/year-report";

export const t = {
  membership,
  app,
  reach,
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
  dues,
  assessment,
  review,
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
  feedback,
  privacy,
  about,
  minutes,
  records,
  yearReport,
  today,
} as const;
