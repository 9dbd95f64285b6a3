/** The largest evidence file accepted. Its own module: the leave form checks it in the browser, and
 * lib/uploads.ts (Buffer, AppError) is server code that would drag a Buffer polyfill into the page. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/**
 * The largest server-action body: one file of the largest size plus the form's other fields and the multipart
 * framing. next.config.ts gives it to Next as `bodySizeLimit`; below it every refusal of a file is ours, in
 * Chinese (lib/uploads.ts), and the forms refuse a larger file before sending it (components/ui/action-form).
 */
export const ACTION_BODY_LIMIT_BYTES = MAX_UPLOAD_BYTES + 1024 * 1024;

/** What the file inputs offer: the kinds lib/uploads.ts accepts by their first bytes. */
export const UPLOAD_ACCEPT = "image/jpeg,image/png,image/webp,application/pdf";
