export const today = {
  title: "今日活动",
  loading: "正在读取…",
  offlineCopy: (at: string) => `当前离线，显示的是 ${at} 保存的内容`,
  unavailable: "暂时无法读取，请检查网络后重试。",
  retry: "重试",
  leave: "我的请假",
  unread: (n: number) => `${n} 条未读通知`,
} as const;
