import type { ReactNode } from "react";
import { cx } from "./class-names";

export interface PageHeaderProps {
  /** The page's <h1>. */
  title: ReactNode;
  description?: ReactNode;
  /** Primary actions on the right ("New experiment"); they wrap under the title on small screens. */
  actions?: ReactNode;
  className?: string;
}

export function PageHeader({ title, description, actions, className }: PageHeaderProps) {
  return (
    <header
      className={cx("mb-6 flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between", className)}
    >
      <div className="min-w-0">
        <h1 className="text-xl font-semibold tracking-tight text-pretty text-zinc-900">{title}</h1>
        {description ? <p className="mt-1 max-w-2xl text-zinc-600">{description}</p> : null}
      </div>
      {actions ? <div className="flex shrink-0 flex-wrap items-center gap-2">{actions}</div> : null}
    </header>
  );
}
