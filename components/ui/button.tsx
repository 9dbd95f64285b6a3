import Link from "next/link";
import type { ComponentProps } from "react";

const variants = {
  primary: "bg-brand text-white hover:bg-brand-dark disabled:bg-stone-400",
  secondary: "bg-white text-stone-800 ring-1 ring-stone-300 hover:bg-stone-50 disabled:text-stone-400",
  danger: "bg-white text-red-800 ring-1 ring-red-300 hover:bg-red-50",
} as const;

type Variant = keyof typeof variants;
// `ui-button` is the hook for 长辈模式 (globals.css), which makes every button taller without a second component.
const base =
  "ui-button inline-flex min-h-11 items-center justify-center gap-1 rounded-lg px-4 text-base font-medium transition-colors";

export function Button({
  variant = "primary",
  className = "",
  ...props
}: ComponentProps<"button"> & { variant?: Variant }) {
  return <button className={`${base} ${variants[variant]} ${className}`} {...props} />;
}

/** Not prefetched unless asked: the app's pages are per person and rendered per request (see tab-bar.tsx). */
export function ButtonLink({
  variant = "primary",
  className = "",
  prefetch = false,
  ...props
}: ComponentProps<typeof Link> & { variant?: Variant }) {
  return <Link className={`${base} ${variants[variant]} ${className}`} prefetch={prefetch} {...props} />;
}

/** A file the server makes (.xlsx, .docx): a plain link with `download`, so it is fetched, never prefetched. */
export function DownloadLink({
  variant = "secondary",
  className = "",
  ...props
}: ComponentProps<"a"> & { variant?: Variant }) {
  return <a download className={`${base} ${variants[variant]} ${className}`} {...props} />;
}
