/** Labels and buttons that forms of several areas share. */
export const form = {
  title: "标题",
  type: "类型",
  startsAt: "开始时间",
  duration: "时长（分钟）",
  place: "地点",
  materials: "学习材料",
  remove: "删除",
  change: "修改",
  record: "记录",
  url: "https://",
} as const;
