import { expect, type Page, test } from "@playwright/test";
import QRCode from "qrcode";
import { setElderMode } from "./elder";
import { createMeeting, currentCode, shot, signIn } from "./helpers";

type Camera = { detector: "as-is" | "none" | "stub"; denied?: boolean };

/**
 * A phone camera held over whatever image the test shows it (window.__cameraImage, a data URL): the app's
 * getUserMedia gets a canvas's stream. `detector` keeps the browser's BarcodeDetector, removes it (the
 * jsQR path), or replaces it with one that reads window.__cameraText (the BarcodeDetector path, where the
 * browser has none).
 */
async function useFakeCamera(page: Page, camera: Camera): Promise<void> {
  await page.addInitScript(({ detector, denied }) => {
    const w = window as unknown as Record<string, unknown>;
    if (detector !== "as-is") delete w.BarcodeDetector;
    if (detector === "stub") {
      w.BarcodeDetector = class {
        static getSupportedFormats = async () => ["qr_code", "ean_13"];
        constructor(options: { formats: string[] }) {
          w.__detectorFormats = options.formats;
        }
        async detect(source: unknown) {
          return source instanceof HTMLVideoElement && w.__cameraText ? [{ rawValue: w.__cameraText }] : [];
        }
      };
    }
    const canvas = document.createElement("canvas");
    canvas.width = 640;
    canvas.height = 480;
    const context = canvas.getContext("2d")!;
    const image = new Image();
    setInterval(() => {
      if (w.__cameraImage && image.src !== w.__cameraImage) image.src = w.__cameraImage as string;
      context.fillStyle = "#a8a29e"; // the table around the phone
      context.fillRect(0, 0, canvas.width, canvas.height);
      if (w.__cameraImage && image.complete && image.naturalWidth) context.drawImage(image, 170, 90, 300, 300);
    }, 50);
    navigator.mediaDevices.getUserMedia = async (constraints) => {
      w.__cameraAsked = constraints;
      if (denied) throw new DOMException("Permission denied", "NotAllowedError");
      const stream = canvas.captureStream(15);
      w.__cameraStream = stream;
      return stream;
    };
  }, camera);
}

const showCamera = (page: Page, image: string) =>
  page.evaluate((src) => ((window as unknown as Record<string, unknown>).__cameraImage = src), image);
const cameraStopped = (page: Page) =>
  page.evaluate(() =>
    ((window as unknown as { __cameraStream?: MediaStream }).__cameraStream?.getTracks() ?? []).every(
      (track) => track.readyState === "ended",
    ),
  );

/** The secretary's QR code as a camera would see it: a picture of the screen. */
async function secretarysQr(secretary: Page): Promise<string> {
  await currentCode(secretary);
  const png = await secretary.getByRole("img", { name: "签到二维码" }).screenshot();
  return `data:image/png;base64,${png.toString("base64")}`;
}

async function openCheckinScreen(secretary: Page, title: string): Promise<number> {
  const activity = await createMeeting(secretary, { title, startsAt: new Date(Date.now() + 5 * 60_000) });
  await secretary.goto(`/branch/activities/${activity}/checkin`);
  await currentCode(secretary);
  return activity;
}

test("a member scans the secretary's QR code in the app: a foreign code is refused, this one checks in", async ({
  browser,
}) => {
  const secretary = await browser.newPage();
  await signIn(secretary, "13800000003", "demo1234");
  const activity = await openCheckinScreen(secretary, "扫码签到党课");

  const member = await browser.newPage();
  await useFakeCamera(member, { detector: "as-is" });
  await signIn(member, "13800000004", "demo1234");
  await member.goto(`/activities/${activity}`);

  await showCamera(member, await QRCode.toDataURL("https://pay.example.com/c/1?s=1&k=123456"));
  await member.getByRole("button", { name: "扫码签到" }).click();
  const scanner = member.getByRole("dialog", { name: "扫码签到" });
  await expect(scanner).toContainText("这不是本支部活动的签到码");
  await shot(member, "scan-checkin-scanner");
  expect(
    await member.evaluate(() => (window as unknown as { __cameraAsked: MediaStreamConstraints }).__cameraAsked.video),
  ).toEqual({ facingMode: { ideal: "environment" } });

  await showCamera(member, await secretarysQr(secretary));
  await expect(scanner.getByRole("status")).toContainText(/签到成功/);
  const decoder = await scanner.getAttribute("data-decoder");
  const native = await member.evaluate(async () => {
    const api = (window as unknown as { BarcodeDetector?: { getSupportedFormats(): Promise<string[]> } })
      .BarcodeDetector;
    return Boolean(api && (await api.getSupportedFormats()).includes("qr_code"));
  });
  test.info().annotations.push({ type: "decoder", description: decoder ?? "none" });
  expect(decoder).toBe(native ? "barcode-detector" : "jsqr");
  expect(await cameraStopped(member)).toBe(true);
  await shot(member, "scan-checkin-answer");

  await scanner.getByRole("button", { name: "关闭" }).click();
  await expect(scanner).toBeHidden();
  await expect(member.getByRole("main").getByText(/签到成功/)).toBeVisible();
  await expect(secretary.getByTestId("checkin-counts")).toContainText("出席1", { timeout: 15_000 });
});

test("without BarcodeDetector the JavaScript decoder reads the code; a refused camera points to the typed code (长辈模式)", async ({
  browser,
}) => {
  const secretary = await browser.newPage();
  await signIn(secretary, "13800000003", "demo1234");
  const activity = await openCheckinScreen(secretary, "扫码签到支部大会");

  const refused = await browser.newPage();
  await useFakeCamera(refused, { detector: "none", denied: true });
  await signIn(refused, "13800000004", "demo1234");
  await setElderMode(refused, true);
  try {
    await refused.goto(`/activities/${activity}`);
    await refused.getByRole("button", { name: "扫码签到" }).click();
    const scanner = refused.getByRole("dialog", { name: "扫码签到" });
    await expect(scanner.getByRole("alert")).toContainText("没有摄像头权限");
    await shot(refused, "scan-checkin-denied-elder");
    await scanner.getByRole("button", { name: "改为输入签到码" }).click();
    await expect(scanner).toBeHidden();
    await expect(refused.getByLabel("输入 6 位签到码")).toBeFocused();

    const member = await browser.newPage();
    await useFakeCamera(member, { detector: "none" });
    await signIn(member, "13800000004", "demo1234");
    await member.goto(`/activities/${activity}`);
    await showCamera(member, await secretarysQr(secretary));
    await member.getByRole("button", { name: "扫码签到" }).click();
    const fallback = member.getByRole("dialog", { name: "扫码签到" });
    await expect(fallback.getByRole("status")).toContainText(/签到成功/);
    await expect(fallback).toHaveAttribute("data-decoder", "jsqr");
    expect(await cameraStopped(member)).toBe(true);
  } finally {
    await setElderMode(refused, false);
  }
});

test("where the browser has BarcodeDetector it is asked for QR codes and its reading goes through the same rules", async ({
  browser,
}) => {
  const secretary = await browser.newPage();
  await signIn(secretary, "13800000003", "demo1234");
  const activity = await openCheckinScreen(secretary, "扫码签到支委会");

  const member = await browser.newPage();
  await useFakeCamera(member, { detector: "stub" });
  await signIn(member, "13800000004", "demo1234");
  await member.goto(`/activities/${activity}`);
  const origin = new URL(member.url()).origin;
  await member.evaluate(
    (text) => ((window as unknown as Record<string, unknown>).__cameraText = text),
    `${origin}/c/${activity + 1000}?s=1&k=123456`,
  );
  await member.getByRole("button", { name: "扫码签到" }).click();
  const scanner = member.getByRole("dialog", { name: "扫码签到" });
  await expect(scanner).toContainText("这是另一个活动的签到码");
  await expect(scanner).toHaveAttribute("data-decoder", "barcode-detector");
  expect(await member.evaluate(() => (window as unknown as Record<string, unknown>).__detectorFormats)).toEqual([
    "qr_code",
  ]);

  // Closing with the camera still running stops it.
  await member.keyboard.press("Escape");
  await expect(scanner).toBeHidden();
  expect(await cameraStopped(member)).toBe(true);
  await expect(member.getByRole("button", { name: "扫码签到" })).toBeFocused();
});
