import { z } from "zod";
import { id } from "./fields";

/** The secretary's "已电话通知" for one expected member of one activity. */
export const phonedInput = z.object({ activityId: id, memberId: id });
export type PhonedInput = z.output<typeof phonedInput>;
