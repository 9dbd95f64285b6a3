export const security = {
  accountLocked: (minutes: number) =>
    `登录失败次数过多，该账号已暂时锁定，请 ${minutes} 分钟后再试。忘记密码请联系为您开通账号的一方重新生成激活码：党员找支部书记，各级管理员找县委组织部。`,
  accountAboveYou: "该党员还担任管理职务，账号只能由县委组织部处理（生成激活码、结束登录）。",
  addressLocked: (minutes: number) => `此网络登录失败次数过多，请 ${minutes} 分钟后再试。`,
  endSessions: "结束登录",
  sessionsEnded: "已结束该账号在所有设备上的登录，1 分钟内生效。",
  exportMine: "下载我的数据",
  showPhone: "显示完整号码",
} as const;
