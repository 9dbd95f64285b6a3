export const errors = {
  bad_request: "提交的内容有误，请检查后重试。",
  unauthenticated: "请先登录。",
  forbidden: "您没有权限进行此操作。",
  not_found: "找不到该记录，或您无权查看。",
  conflict: "该记录已存在或已被修改，请刷新后重试。",
  rate_limited: "操作过于频繁，请稍后再试。",
  internal: "系统繁忙，请稍后再试。",
  badOrigin: "请求来源无效。",
  tooLarge: "提交的内容过大：文件不能超过 5 MB。",
  notOwner: "这条记录是另一个账号在本机保存的，不能以当前账号提交。",
} as const;

/**
 * A refusal that reached the page as a thrown error (lib/action-guard.ts answers an action in text, and Next's
 * client throws it): shown as it is when it is one of ours, else the generic message.
 */
export function refusalOf(error: unknown): string | null {
  const message = error instanceof Error ? error.message : null;
  return message && (Object.values(errors) as string[]).includes(message) ? message : null;
}
