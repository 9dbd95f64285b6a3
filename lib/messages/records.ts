export const records = {
  title: "组织生活记录情况",
  period: "期间",
  month: "按月",
  year: "按年",
  show: "查看",
  held: "已开展",
  signed: "记录已签发",
  missing: "记录缺失",
  none: "本期未开展活动",
  attention: "需关注",
  summary: (branches: number, deviations: number) =>
    `${branches} 个支部 · ${deviations > 0 ? `${deviations} 个需关注` : "全部正常"}`,
  branches: "各支部记录情况",
  count: (n: number) => `${n} 次`,
  missingList: "缺少签发记录的活动",
} as const;
