export const security = {
  accountLocked: (minutes: number) => `登录失败次数过多，该账号已暂时锁定，请 ${minutes} 分钟后再试。忘记密码请联系支部书记重新生成激活码。`,
  addressLocked: (minutes: number) => `此网络登录失败次数过多，请 ${minutes} 分钟后再试。`,
  endSessions: "结束登录",
  sessionsEnded: "已结束该账号在所有设备上的登录，1 分钟内生效。",
  exportMine: "下载我的数据",
  showPhone: "显示完整号码",
} as const;
