import { useId, type ReactNode } from "react";
import { cx } from "./class-names";

/** What Field hands its control: spread it onto Input, Textarea or Select. */
export interface FieldControlProps {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

export interface FieldProps {
  /** The visible <label>; e2e tests find the control by this text. */
  label: ReactNode;
  /** Renders the control, e.g. `{(control) => <Input {...control} name="email" />}`. */
  children: (control: FieldControlProps) => ReactNode;
  /** The control's id; generated when omitted. */
  id?: string;
  /** Help text under the control. */
  hint?: ReactNode;
  /** Error message(s); an array (zod's `fieldErrors.x`) is shown joined. Marks the control invalid. */
  error?: string | readonly string[] | null;
  /** Keeps the label for assistive technology but hides it visually (e.g. a search box). */
  hideLabel?: boolean;
  className?: string;
}

/** Label + control + hint + error, with `htmlFor`, `aria-invalid` and `aria-describedby` wired. */
export function Field({ label, children, id, hint, error, hideLabel = false, className }: FieldProps) {
  const generatedId = useId();
  const controlId = id ?? generatedId;
  const errorText = typeof error === "string" ? error : error?.join(" ");
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = errorText ? `${controlId}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;

  return (
    <div className={cx("space-y-1.5", className)}>
      <label htmlFor={controlId} className={cx("block font-medium text-zinc-900", hideLabel && "sr-only")}>
        {label}
      </label>
      {children({ id: controlId, "aria-invalid": errorText ? true : undefined, "aria-describedby": describedBy })}
      {errorText ? (
        <p id={errorId} className="text-[13px] text-danger-700">
          {errorText}
        </p>
      ) : null}
      {hint ? (
        <p id={hintId} className="text-[13px] text-zinc-600">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
