/** The largest evidence file accepted. Its own module: the leave form checks it in the browser, and
 * lib/uploads.ts (Buffer, AppError) is server code that would drag a Buffer polyfill into the page. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
