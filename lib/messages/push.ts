export const push = {
  title: "消息提醒",
  hint: "开启后，活动通知、提醒、请假审批和时间变更会推送到这部手机，不打开“支部”也能收到。",
  state: "消息提醒",
  on: "已开启",
  off: "未开启",
  turnOn: "开启消息提醒",
  turnOff: "关闭消息提醒",
  turnedOn: "已开启消息提醒。",
  turnedOff: "已关闭消息提醒。",
  unsupported: "这个浏览器不能接收消息提醒。在 iPhone 上，请先把“支部”添加到主屏幕，再从主屏幕打开。",
  denied: "通知权限已被拒绝。请在浏览器或系统设置中允许“支部”发送通知后再试。",
  failed: "开启失败，请检查网络后再试。",
  endpoint: "推送地址无效",
  keys: "推送密钥无效",
  /** What a notification says when its payload cannot be read (an old worker, a truncated message). */
  fallbackTitle: "支部有新通知",
} as const;
