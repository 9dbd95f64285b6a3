"use server";

import { markAllRead, markRead } from "@/db/queries/notices";
import { action } from "@/lib/server/action";
import { noInput } from "@/lib/validation/fields";
import { noticeRef } from "@/lib/validation/notices";

export const markReadAction = action("notice.read", noticeRef, (input, { db, scope }) => markRead(db, scope, input));

export const markAllReadAction = action("notice.read_all", noInput, (_input, { db, scope }) => markAllRead(db, scope));
