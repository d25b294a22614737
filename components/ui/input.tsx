import type { ComponentProps } from "react";
import { cx } from "./class-names";

/** Shared look of text-like controls; `aria-invalid="true"` (set by Field) turns them red. */
export const controlClasses =
  "block w-full rounded-lg border border-zinc-300 bg-white px-3 text-sm text-zinc-900 shadow-xs transition-[border-color,box-shadow] placeholder:text-zinc-500 hover:border-zinc-400 focus:border-accent-500 focus:ring-3 focus:ring-accent-500/20 focus:outline-hidden disabled:cursor-not-allowed disabled:bg-zinc-50 disabled:text-zinc-500 aria-[invalid=true]:border-danger-500 aria-[invalid=true]:focus:ring-danger-500/20";

export type InputProps = ComponentProps<"input">;

export function Input({ className, type = "text", ...props }: InputProps) {
  return <input type={type} className={cx(controlClasses, "h-9", className)} {...props} />;
}
