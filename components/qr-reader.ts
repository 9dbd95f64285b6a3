/**
 * Reads a QR code from the current camera frame. The browser's own BarcodeDetector where it reads QR codes
 * (Android Chrome, Safari 17+); elsewhere (desktop Chromium on Linux, Firefox) jsQR, fetched only then.
 */
export interface QrReader {
  kind: "barcode-detector" | "jsqr";
  read(video: HTMLVideoElement): Promise<string | null>;
}

// Not yet in TypeScript's DOM library.
interface BarcodeDetectorApi {
  new (options: { formats: string[] }): { detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]> };
  getSupportedFormats(): Promise<string[]>;
}

/** jsQR reads every pixel: a frame this wide is plenty for a QR code held up to the camera, and fast. */
const FRAME_WIDTH = 640;

export async function createQrReader(): Promise<QrReader> {
  const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorApi }).BarcodeDetector;
  const formats = Detector ? await Detector.getSupportedFormats().catch(() => []) : [];
  if (Detector && formats.includes("qr_code")) {
    const detector = new Detector({ formats: ["qr_code"] });
    return { kind: "barcode-detector", read: async (video) => (await detector.detect(video))[0]?.rawValue ?? null };
  }

  const { default: jsQR } = await import("jsqr");
  const canvas = document.createElement("canvas");
  const context = canvas.getContext("2d", { willReadFrequently: true })!;
  return {
    kind: "jsqr",
    read: async (video) => {
      const scale = Math.min(1, FRAME_WIDTH / video.videoWidth);
      canvas.width = Math.round(video.videoWidth * scale);
      canvas.height = Math.round(video.videoHeight * scale);
      context.drawImage(video, 0, 0, canvas.width, canvas.height);
      const frame = context.getImageData(0, 0, canvas.width, canvas.height);
      // A code on a phone screen is dark on light; skipping the inverted pass halves the work per frame.
      return jsQR(frame.data, frame.width, frame.height, { inversionAttempts: "dontInvert" })?.data ?? null;
    },
  };
}
