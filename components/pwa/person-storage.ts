/**
 * Keys in localStorage and sessionStorage that belong to the person signed in begin with this, so that signing
 * out (components/pwa/clear-person-caches.ts) can find and remove every one of them. Device settings (the
 * install hint once dismissed) use other keys and stay.
 */
export const PERSON_KEY_PREFIX = "zhibu:person:";
