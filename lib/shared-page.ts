/**
 * Pages the service worker keeps once for everyone who uses the phone: the offline page, precached when the
 * worker installs, with whatever session was there then. proxy.ts renders them with no session at all and
 * marks the request, so the app shell shows nothing of any person and leaves each person's things alone.
 */
export const SHARED_PAGE = /^\/offline\/?$/;
export const SHARED_PAGE_HEADER = "x-zhibu-shared-page";
