import { z } from "zod";
import { checkbox } from "./fields";

/** 长辈模式 on or off: the switch on 我的 sends `on` as a checkbox-like value. */
export const elderModeInput = z.object({ on: checkbox });
export type ElderModeInput = z.output<typeof elderModeInput>;
