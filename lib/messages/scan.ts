/** Inside the in-app scanner: only the scanner imports this, so it loads with it, on the tap. */
export const scan = {
  title: "扫码签到",
  aim: "把书记手机上的签到二维码放进框内，对准后会自动签到。",
  starting: "正在打开摄像头…",
  foreign: "这不是本支部活动的签到码，请扫描书记签到屏上的二维码。",
  otherActivity: "这是另一个活动的签到码，请到对应活动页扫码。",
  denied: "没有摄像头权限，无法扫码。请在浏览器设置中允许使用摄像头，或关闭后输入 6 位签到码。",
  noCamera: "这部手机没有可用的摄像头，请关闭后输入 6 位签到码。",
  busy: "摄像头正被其他应用使用，请关闭其他应用后重试，或输入 6 位签到码。",
  failed: "无法打开扫码，请输入 6 位签到码。",
  typeCode: "改为输入签到码",
  close: "关闭",
} as const;
