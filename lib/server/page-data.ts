import { notFound } from "next/navigation";
import { AppError } from "../errors";
import { id } from "../validation/fields";

/**
 * Pages load through db/queries, which refuse out-of-scope reads with an AppError. A page shows those as
 * its 404 (the same for "does not exist" and "not yours", so nothing leaks); anything else propagates.
 */
export async function pageData<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (
      error instanceof AppError &&
      (error.code === "not_found" || error.code === "forbidden" || error.code === "bad_request")
    )
      notFound();
    throw error;
  }
}

/** The numeric id a dynamic segment names (`[branchId]`); anything else is the page's 404. */
export async function pageId<K extends string>(params: Promise<Record<K, string>>, key: K): Promise<number> {
  const parsed = id.safeParse((await params)[key]);
  if (!parsed.success) notFound();
  return parsed.data;
}

/**
 * What Next hands a page: its dynamic segments, always strings (read a numeric one with `pageId`), and its
 * query, parsed by the page's zod schema. `PageArgs<"branchId">` for `app/.../[branchId]/page.tsx`.
 */
export type PageArgs<Segment extends string = never> = {
  params: Promise<Record<Segment, string>>;
  searchParams: Promise<Record<string, string>>;
};
