import type { ComponentProps } from "react";
import { cx } from "./class-names";

/*
 * Styling wrappers for a real <table>: each is the plain element with classes, so a TanStack table
 * (or any markup) renders into them and keeps table semantics for assistive technology and e2e tests.
 */

export type TableProps = ComponentProps<"table"> & {
  /** Classes for the bordered, horizontally scrolling frame around the table. */
  containerClassName?: string;
};

/** The table in a bordered frame that scrolls sideways on narrow screens. */
export function Table({ className, containerClassName, ...props }: TableProps) {
  // `relative` keeps absolutely positioned content (sr-only labels) inside the scrolling frame;
  // without it they escape and widen the whole page on phones.
  return (
    <div
      className={cx("relative overflow-x-auto rounded-lg border border-zinc-200 bg-white shadow-xs", containerClassName)}
    >
      <table className={cx("w-full border-collapse text-left text-sm", className)} {...props} />
    </div>
  );
}

/** Use `className="sr-only"` to name the table for screen readers without showing the caption. */
export function TableCaption({ className, ...props }: ComponentProps<"caption">) {
  return <caption className={cx("px-4 py-3 text-left text-zinc-600", className)} {...props} />;
}

export function THead({ className, ...props }: ComponentProps<"thead">) {
  return <thead className={cx("border-b border-zinc-200 bg-zinc-50", className)} {...props} />;
}

export function TBody({ className, ...props }: ComponentProps<"tbody">) {
  return <tbody className={cx("divide-y divide-zinc-100", className)} {...props} />;
}

export function Tr({ className, ...props }: ComponentProps<"tr">) {
  return <tr className={cx("transition-colors [tbody>&]:hover:bg-zinc-50", className)} {...props} />;
}

/** A column header; `scope="col"` unless told otherwise. Put a sort <button> inside for sortable columns. */
export function Th({ className, scope = "col", ...props }: ComponentProps<"th">) {
  return (
    <th
      scope={scope}
      className={cx("px-4 py-2.5 text-xs font-medium whitespace-nowrap text-zinc-600", className)}
      {...props}
    />
  );
}

export function Td({ className, ...props }: ComponentProps<"td">) {
  return <td className={cx("px-4 py-3 align-middle text-zinc-700", className)} {...props} />;
}
