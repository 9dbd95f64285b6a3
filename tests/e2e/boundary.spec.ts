import { expect, test } from "@playwright/test";
import { errors } from "@/lib/messages/errors";
import { signIn } from "./helpers";

// Next 16 answers these with a 500 on its own; proxy.ts refuses them first (lib/action-guard.ts).
test("a server action from another origin, or with a body that is not its arguments, gets a Chinese 4xx", async ({
  page,
  baseURL,
}) => {
  await signIn(page, "13800000003", "demo1234");
  const action = (body: string, origin: string) =>
    page.request.post("/branch/activities", {
      headers: { "Next-Action": "7f".repeat(21), Origin: origin, "Content-Type": "text/plain;charset=UTF-8" },
      data: body,
    });
  const foreign = await action("[]", "https://evil.example");
  expect(foreign.status()).toBe(403);
  expect(await foreign.text()).toBe(errors.badOrigin);
  const garbled = await action("{", baseURL!);
  expect(garbled.status()).toBe(400);
  expect(await garbled.text()).toBe(errors.bad_request);
});
