import type { ComponentProps } from "react";
import { cx } from "./class-names";
import { controlClasses } from "./input";

export type SelectProps = ComponentProps<"select">;

/** A native <select>; pass <option>s as children. The chevron is a background (see globals.css). */
export function Select({ className, multiple, ...props }: SelectProps) {
  return (
    <select
      multiple={multiple}
      className={cx(controlClasses, multiple ? "py-1.5" : "bg-select-chevron h-9 appearance-none pr-9", className)}
      {...props}
    />
  );
}
