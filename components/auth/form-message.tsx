import type { ReactNode } from "react";
import { cx } from "@/components/ui/class-names";
import { CheckCircleIcon, ErrorIcon } from "@/components/ui/icons";

export interface FormMessageProps {
  tone?: "error" | "success";
  /** The message; nothing is rendered when it is empty, so `{state.message}` can be passed as is. */
  children?: ReactNode;
  className?: string;
}

/** A form-level message (e.g. "Wrong username or password"), announced with role="alert". */
export function FormMessage({ tone = "error", children, className }: FormMessageProps) {
  if (children === undefined || children === null || children === false || children === "") return null;
  const Icon = tone === "error" ? ErrorIcon : CheckCircleIcon;
  return (
    <div
      role="alert"
      className={cx(
        "flex gap-2.5 rounded-lg border px-3 py-2.5",
        tone === "error"
          ? "border-danger-200 bg-danger-50 text-danger-800"
          : "border-success-200 bg-success-50 text-success-800",
        className,
      )}
    >
      <Icon className={cx("mt-1 size-4 shrink-0", tone === "error" ? "text-danger-600" : "text-success-600")} />
      <div className="min-w-0">{children}</div>
    </div>
  );
}
