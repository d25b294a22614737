import { useId, type ComponentProps, type ReactNode } from "react";
import { cx } from "./class-names";

export type CheckboxProps = Omit<ComponentProps<"input">, "type" | "children"> & {
  /** The visible label; it is the checkbox's accessible name. */
  label: ReactNode;
  /** Secondary text under the label, linked with aria-describedby. */
  description?: ReactNode;
};

/** A native checkbox with its own <label> beside it (checkboxes don't go inside Field). */
export function Checkbox({ label, description, id, className, ...props }: CheckboxProps) {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  const descriptionId = description ? `${inputId}-description` : undefined;
  return (
    <div className={cx("flex items-start gap-2.5", className)}>
      <input
        type="checkbox"
        id={inputId}
        aria-describedby={descriptionId}
        className="mt-1 size-4 shrink-0 cursor-pointer accent-accent-600 disabled:cursor-not-allowed"
        {...props}
      />
      <div className="min-w-0">
        <label htmlFor={inputId} className="cursor-pointer font-medium text-zinc-900">
          {label}
        </label>
        {description ? (
          <p id={descriptionId} className="text-zinc-600">
            {description}
          </p>
        ) : null}
      </div>
    </div>
  );
}
