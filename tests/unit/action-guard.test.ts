import { describe, expect, it } from "vitest";
import { refuseActionRequest } from "@/lib/action-guard";
import { errors } from "@/lib/messages/errors";
import { ACTION_BODY_LIMIT_BYTES, MAX_UPLOAD_BYTES } from "@/lib/upload-limit";

const page = "http://localhost:3000/branch/activities/3";
const action = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request(page, {
    method: "POST",
    body,
    headers: { host: "localhost:3000", origin: "http://localhost:3000", "next-action": "7f00", ...headers },
  });

async function answer(request: Request) {
  const response = await refuseActionRequest(request);
  return (
    response && { status: response.status, type: response.headers.get("content-type"), text: await response.text() }
  );
}

describe("server actions Next would answer with a 500", () => {
  it("refuses a foreign or malformed Origin with 403 in Chinese, as text Next's client passes on", async () => {
    for (const origin of ["https://evil.example", "http://", "not a url", "http://localhost:3000.evil.example"]) {
      expect(await answer(action("[]", { origin })), origin).toEqual({
        status: 403,
        type: "text/plain",
        text: errors.badOrigin,
      });
    }
    const form = new Request(page, {
      method: "POST",
      body: new FormData(),
      headers: { host: "localhost:3000", origin: "https://evil.example" },
    });
    expect((await answer(form))?.status).toBe(403);
  });

  it("refuses a body that is not React's encoding of the arguments with 400", async () => {
    for (const body of ["{", "null", '{"a":1}', "\u0000", ""])
      expect((await answer(action(body)))?.status, body).toBe(400);
    const broken = new FormData();
    broken.set("0", "{not json");
    expect((await answer(action(broken)))?.status).toBe(400);
    expect((await answer(action("garbage", { "content-type": "multipart/form-data; boundary=x" })))?.status).toBe(400);
  });

  it("refuses a body over the limit with 413 before reading it", async () => {
    expect(await answer(action("[]", { "content-length": String(ACTION_BODY_LIMIT_BYTES + 1) }))).toEqual({
      status: 413,
      type: "text/plain",
      text: errors.tooLarge,
    });
  });

  it("lets through what the app's own pages send, and what is not a server action", async () => {
    expect(await answer(action('[null,{"stepId":"3"}]'))).toBeNull();
    const form = new FormData();
    form.set("0", '[null,"$K1"]');
    form.set("1_photo", new File([new Uint8Array(MAX_UPLOAD_BYTES)], "photo.png"));
    expect(await answer(action(form))).toBeNull();
    expect(await answer(new Request(page, { headers: { origin: "https://evil.example" } }))).toBeNull();
    expect(
      await answer(
        new Request(page, { method: "POST", body: "[]", headers: { host: "localhost:3000", "next-action": "7f00" } }),
      ),
    ).toBeNull();
  });

  it("gives Next a body limit above the largest file, so the file's own check answers", () => {
    expect(ACTION_BODY_LIMIT_BYTES).toBeGreaterThan(MAX_UPLOAD_BYTES);
  });
});
