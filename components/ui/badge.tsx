import type { ComponentProps } from "react";
import { cx } from "./class-names";

export type BadgeTone = "neutral" | "accent" | "success" | "warning" | "danger";

const tones: Record<BadgeTone, { badge: string; dot: string }> = {
  neutral: { badge: "bg-zinc-100 text-zinc-700 ring-zinc-200", dot: "bg-zinc-500" },
  accent: { badge: "bg-accent-50 text-accent-700 ring-accent-200", dot: "bg-accent-500" },
  success: { badge: "bg-success-50 text-success-800 ring-success-200", dot: "bg-success-500" },
  warning: { badge: "bg-warning-50 text-warning-800 ring-warning-200", dot: "bg-warning-500" },
  danger: { badge: "bg-danger-50 text-danger-700 ring-danger-200", dot: "bg-danger-500" },
};

export type BadgeProps = ComponentProps<"span"> & {
  tone?: BadgeTone;
  /** A small colored dot before the text, for statuses ("Running", "Stopped"). */
  dot?: boolean;
};

/** A short label: a status, a role, a variant name. The text carries the meaning, not the color. */
export function Badge({ tone = "neutral", dot = false, className, children, ...props }: BadgeProps) {
  const style = tones[tone];
  return (
    <span
      className={cx(
        "inline-flex items-center gap-1.5 rounded-md px-2 py-0.5 text-xs/5 font-medium whitespace-nowrap ring-1 ring-inset",
        style.badge,
        className,
      )}
      {...props}
    >
      {dot ? <span aria-hidden="true" className={cx("size-1.5 rounded-full", style.dot)} /> : null}
      {children}
    </span>
  );
}
