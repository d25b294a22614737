import { cx } from "./class-names";
import { SplitIcon } from "./icons";

export const PRODUCT_NAME = "Experimentation Platform";

export interface WordmarkProps {
  className?: string;
}

/** The logo mark and product name. The name is real text, so a link around it is named by it. */
export function Wordmark({ className }: WordmarkProps) {
  return (
    <span className={cx("inline-flex items-center gap-2.5", className)}>
      <span
        aria-hidden="true"
        className="flex size-7 items-center justify-center rounded-lg bg-accent-600 text-white shadow-xs"
      >
        <SplitIcon className="size-4" strokeWidth={2} />
      </span>
      <span className="text-[15px] font-semibold tracking-tight text-zinc-900">{PRODUCT_NAME}</span>
    </span>
  );
}
