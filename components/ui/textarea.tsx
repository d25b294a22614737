import type { ComponentProps } from "react";
import { cx } from "./class-names";
import { controlClasses } from "./input";

export type TextareaProps = ComponentProps<"textarea">;

export function Textarea({ className, rows = 4, ...props }: TextareaProps) {
  return <textarea rows={rows} className={cx(controlClasses, "min-h-20 py-2", className)} {...props} />;
}
