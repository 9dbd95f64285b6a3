export const stats = {
  title: "积分制实施情况",
  gained: "加分人数",
  lost: "扣分人数",
  attendance: "出勤率",
  leave: "请假人次",
  makeup: "补学完成率",
  hours: "服务时长",
  byRule: "按规则汇总",
  entries: (n: number) => `${n} 条`,
  trend: "各月出勤率",
  none: "—",
} as const;
