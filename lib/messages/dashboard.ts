export const dashboard = {
  work: "工作",
  title: (month: string) => `${month}概况`,
  attendance: "出勤率",
  pendingLeave: "待审请假",
  overdue: "补学逾期",
  deducted: "扣分人数",
  byBranch: "各支部出勤率",
} as const;
