import type { Scope } from "@/lib/scope";
import type { Db } from "../open";
import { uploads } from "../schema/activities";

/** A checked file (lib/uploads.ts `readUpload`) as it is kept. */
export type StoredFile = { mime: string; bytes: Buffer };

/**
 * Keeps a file in the transaction of the record it belongs to (a leave request's attachment, a step's
 * evidence, minutes' photos, an away member's report), so a failed write leaves no orphan; its id, or null
 * when none was given — nothing asks for a file it cannot do without.
 */
export async function storeUpload(tx: Db, scope: Scope, file: StoredFile | null | undefined): Promise<number | null> {
  if (!file) return null;
  const [upload] = await tx
    .insert(uploads)
    .values({ mime: file.mime, size: file.bytes.length, bytes: file.bytes, createdBy: scope.userId })
    .returning({ id: uploads.id });
  return upload.id;
}
