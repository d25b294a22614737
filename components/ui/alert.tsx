import type { ComponentType, ReactNode } from "react";
import { cx } from "./class-names";
import { CheckCircleIcon, ErrorIcon, InfoIcon, WarningIcon, type IconProps } from "./icons";

export type AlertTone = "info" | "success" | "warning" | "danger";

const tones: Record<AlertTone, { box: string; icon: string; Icon: ComponentType<IconProps> }> = {
  info: { box: "border-accent-200 bg-accent-50 text-accent-900", icon: "text-accent-600", Icon: InfoIcon },
  success: { box: "border-success-200 bg-success-50 text-success-800", icon: "text-success-600", Icon: CheckCircleIcon },
  warning: { box: "border-warning-200 bg-warning-50 text-warning-800", icon: "text-warning-600", Icon: WarningIcon },
  danger: { box: "border-danger-200 bg-danger-50 text-danger-800", icon: "text-danger-600", Icon: ErrorIcon },
};

export interface AlertProps {
  tone?: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  /** Defaults to "alert" for danger (announced at once) and "status" for the other tones. */
  role?: "alert" | "status";
  className?: string;
}

/** A message box inside a page: an error, a warning, a confirmation or a note. */
export function Alert({ tone = "info", title, children, role, className }: AlertProps) {
  const style = tones[tone];
  return (
    <div
      role={role ?? (tone === "danger" ? "alert" : "status")}
      className={cx("flex gap-3 rounded-lg border px-4 py-3", style.box, className)}
    >
      <style.Icon className={cx("mt-0.5 size-5 shrink-0", style.icon)} />
      <div className="min-w-0 space-y-1">
        {title ? <p className="font-medium">{title}</p> : null}
        {children ? <div className="[&_a]:font-medium [&_a]:underline">{children}</div> : null}
      </div>
    </div>
  );
}
