import { cx } from "./class-names";
import { Input, type InputProps } from "./input";

/** A number input for a percentage, with a "%" inside on the right; spread Field's control props onto it. */
export function PercentInput({ className, wrapperClassName, ...props }: InputProps & { wrapperClassName?: string }) {
  return (
    <div className={cx("relative", wrapperClassName)}>
      <Input inputMode="decimal" className={cx("pr-7 text-right tabular-nums", className)} {...props} />
      <span aria-hidden="true" className="pointer-events-none absolute inset-y-0 right-3 flex items-center text-zinc-500">
        %
      </span>
    </div>
  );
}
