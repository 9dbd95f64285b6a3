export const home = {
  greeting: (name: string) => `${name}，您好`,
  nextActivity: "下一次活动",
  noActivity: "暂无已安排的活动。县委组织部发布本月主题党日计划后，将在这里显示。",
  myBranch: "所在支部",
  makeup: "待完成的补学",
  makeupOpen: (title: string) => `补学：${title}`,
} as const;
