export const empty = {
  activities: "暂无活动记录。",
  points: "暂无积分记录。积分只来自参加活动、志愿服务、缴纳党费和补学。",
} as const;
