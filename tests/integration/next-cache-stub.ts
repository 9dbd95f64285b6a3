/**
 * Next's cache calls do nothing outside a request; a test that calls actions mocks `next/cache` with this module:
 *
 *   vi.mock("next/cache", () => import("./next-cache-stub"));
 */
export const revalidatePath = () => {};
export const revalidateTag = () => {};
export const updateTag = () => {};
export const refresh = () => {};
