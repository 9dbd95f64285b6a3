import { AppError } from "./errors";
import { run } from "./messages/run";
import { MAX_UPLOAD_BYTES } from "./upload-limit";

/** Recognised by their first bytes, never by the name or the type the browser claims. */
const signatures: { mime: string; test: (b: Buffer) => boolean }[] = [
  { mime: "image/jpeg", test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    mime: "image/png",
    test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  {
    mime: "image/webp",
    test: (b) => b.subarray(0, 4).toString("latin1") === "RIFF" && b.subarray(8, 12).toString("latin1") === "WEBP",
  },
  { mime: "application/pdf", test: (b) => b.subarray(0, 5).toString("latin1") === "%PDF-" },
];

/** Reads an uploaded evidence file and returns its bytes and real type, or refuses it in Chinese. */
export async function readUpload(file: File): Promise<{ mime: string; bytes: Buffer }> {
  if (file.size === 0 || file.size > MAX_UPLOAD_BYTES) throw new AppError("bad_request", run.badUpload);
  const bytes = Buffer.from(await file.arrayBuffer());
  const kind = signatures.find((s) => s.test(bytes));
  if (!kind) throw new AppError("bad_request", run.badUpload);
  return { mime: kind.mime, bytes };
}
