import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export type StandInAnswer = "ok" | "throttle" | "fail" | "server_error";

export interface StandInRequest {
  action: string | null;
  phone: string;
  signName: string;
  templateCode: string;
  params: Record<string, string>;
  outId: string;
  signed: boolean;
}

/**
 * A local stand-in for Aliyun's SMS API (dysmsapi 2017-05-25, RPC style) on its own port, for the SDK to
 * talk to over real HTTP: it reads SendSms's query the way the service does and answers as the service
 * does — `Code: "OK"` with a BizId, `isv.BUSINESS_LIMIT_CONTROL` (flow control), `isv.MOBILE_NUMBER_ILLEGAL`
 * (a refusal), or a 500. `answers` is taken one per request, then `fallback`.
 */
export async function startSmsStandIn() {
  const requests: StandInRequest[] = [];
  const state = {
    answers: [] as StandInAnswer[],
    fallback: "ok" as StandInAnswer,
    byPhone: new Map<string, StandInAnswer>(),
  };
  const server = createServer((req: IncomingMessage, res) => {
    req.resume();
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://stand-in");
      const q = url.searchParams;
      const phone = q.get("PhoneNumbers") ?? "";
      requests.push({
        action: req.headers["x-acs-action"]?.toString() ?? q.get("Action"),
        phone,
        signName: q.get("SignName") ?? "",
        templateCode: q.get("TemplateCode") ?? "",
        params: JSON.parse(q.get("TemplateParam") ?? "{}"),
        outId: q.get("OutId") ?? "",
        signed: /^ACS3-HMAC-SHA256 Credential=/.test(String(req.headers.authorization ?? "")),
      });
      const answer = state.byPhone.get(phone) ?? state.answers.shift() ?? state.fallback;
      res.setHeader("content-type", "application/json;charset=utf-8");
      const requestId = `stand-in-${requests.length}`;
      if (answer === "server_error") {
        res.statusCode = 500;
        res.end(JSON.stringify({ Code: "ServiceUnavailable", Message: "stand-in 500", RequestId: requestId }));
      } else if (answer === "throttle")
        res.end(
          JSON.stringify({ Code: "isv.BUSINESS_LIMIT_CONTROL", Message: "触发分钟级流控", RequestId: requestId }),
        );
      else if (answer === "fail")
        res.end(JSON.stringify({ Code: "isv.MOBILE_NUMBER_ILLEGAL", Message: "非法手机号", RequestId: requestId }));
      else
        res.end(JSON.stringify({ Code: "OK", Message: "OK", BizId: `biz-${requests.length}`, RequestId: requestId }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
