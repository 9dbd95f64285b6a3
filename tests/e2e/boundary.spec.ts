import { expect, test } from "@playwright/test";
import { errors } from "@/lib/messages/errors";
import { MAX_UPLOAD_BYTES } from "@/lib/upload-limit";
import { publishPlanViaUi, shot, signIn } from "./helpers";

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

/** A PNG of the given size: the real signature, then padding (the server checks the first bytes). */
function photo(name: string, size: number) {
  const buffer = Buffer.alloc(size);
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
    "base64",
  ).copy(buffer);
  return { name, mimeType: "image/png", buffer };
}

test("the run screen takes a 4 MB evidence photo, and refuses one over 5 MB in Chinese on the form", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const admin = await browser.newPage();
  await signIn(admin, "13800000001", "demo1234");
  await admin.getByRole("link", { name: "主题党日计划" }).click();
  // Within the half hour before the start, when the run screen takes marks.
  const startsAt = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 10 * 60_000);
  await publishPlanViaUi(admin, { title: "大照片也能上传", startsAt, items: ["集中学习"] });
  await expect(admin.getByText(/已发布/)).toBeVisible();

  const page = await browser.newPage();
  await signIn(page, "13800000003", "demo1234");
  await page.goto("/branch/activities");
  await page.getByRole("link", { name: /大照片也能上传/ }).click();
  const step = (title: string) => page.getByRole("listitem").filter({ has: page.getByText(title, { exact: true }) });

  await step("重温入党誓词").getByText("标记完成").first().click();
  await step("重温入党誓词")
    .getByLabel("照片或文件（可选）")
    .setInputFiles(photo("oath.png", 4 * 1024 * 1024));
  await step("重温入党誓词").getByRole("button", { name: "标记完成" }).click();
  await expect(step("重温入党誓词").getByText("✓ 已完成")).toBeVisible({ timeout: 30_000 });

  await step("集中学习").getByText("标记完成").first().click();
  await step("集中学习")
    .getByLabel("照片或文件（可选）")
    .setInputFiles(photo("study.png", MAX_UPLOAD_BYTES + 1));
  await step("集中学习").getByRole("button", { name: "标记完成" }).click();
  await expect(step("集中学习").getByRole("alert")).toHaveText(errors.tooLarge);
  await expect(step("集中学习").getByText(errors.tooLarge)).toHaveCount(2); // the form's answer and the field's
  await expect(step("集中学习").getByText("✓ 已完成")).toHaveCount(0);
  await shot(page, "run-photo-too-large");
});
