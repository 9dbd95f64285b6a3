import { z } from "zod";
import { checkbox } from "./fields";

/** A switch (components/ui/switch-form.tsx: 长辈模式, 短信提醒, the county's ranking) sends `on` as a checkbox. */
export const switchInput = z.object({ on: checkbox });
export type SwitchInput = z.output<typeof switchInput>;
