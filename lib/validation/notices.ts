import { z } from "zod";
import { id } from "./fields";

export const noticeRef = z.object({ noticeId: id });
