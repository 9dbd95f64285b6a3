import { type CheckinMark, markLabel } from "@/lib/checkin-marks";
import { Tag } from "./ui/card";

const tone: Record<CheckinMark, "stone" | "amber" | "blue" | "red"> = {
  host: "blue",
  proxy: "stone",
  disputed: "red",
  offline: "stone",
  offlinePending: "amber",
  offlineRejected: "red",
};

/** The marks of a check-in (代签, 离线·待确认, 主持 …) beside its outcome. */
export function CheckinMarkTags({ marks }: { marks: CheckinMark[] }) {
  return marks.map((mark) => (
    <Tag key={mark} tone={tone[mark]}>
      {markLabel[mark]}
    </Tag>
  ));
}
