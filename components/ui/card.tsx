import type { ComponentProps, ReactNode } from "react";
import { cx } from "./class-names";

/** A white panel with a subtle border. Compose with CardHeader, CardBody and CardFooter. */
export function Card({ className, ...props }: ComponentProps<"div">) {
  return <div className={cx("rounded-lg border border-zinc-200 bg-white shadow-xs", className)} {...props} />;
}

export interface CardHeaderProps {
  title: ReactNode;
  description?: ReactNode;
  /** Buttons or links on the right. */
  actions?: ReactNode;
  className?: string;
}

/** The card's title row; the title is an <h2>. */
export function CardHeader({ title, description, actions, className }: CardHeaderProps) {
  return (
    <div
      className={cx(
        "flex flex-col gap-3 border-b border-zinc-200 px-5 py-4 sm:flex-row sm:items-start sm:justify-between",
        className,
      )}
    >
      <div className="min-w-0">
        <h2 className="text-base font-semibold text-zinc-900">{title}</h2>
        {description ? <p className="mt-0.5 text-zinc-600">{description}</p> : null}
      </div>
      {actions ? <div className="flex shrink-0 flex-wrap items-center gap-2">{actions}</div> : null}
    </div>
  );
}

export function CardBody({ className, ...props }: ComponentProps<"div">) {
  return <div className={cx("px-5 py-4", className)} {...props} />;
}

/** A footer strip for form actions, right-aligned. */
export function CardFooter({ className, ...props }: ComponentProps<"div">) {
  return (
    <div
      className={cx(
        "flex flex-wrap items-center justify-end gap-2 rounded-b-lg border-t border-zinc-200 bg-zinc-50 px-5 py-3",
        className,
      )}
      {...props}
    />
  );
}
