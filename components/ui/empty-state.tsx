import type { ReactNode } from "react";
import { cx } from "./class-names";

export interface EmptyStateProps {
  title: ReactNode;
  description?: ReactNode;
  /** An icon from ./icons, e.g. `<FlagIcon />`; it is sized here. */
  icon?: ReactNode;
  /** Usually one ButtonLink or Button ("Create your first flag"). */
  action?: ReactNode;
  className?: string;
}

/** What a list shows when it has nothing in it yet: what goes here, and how to add the first one. */
export function EmptyState({ title, description, icon, action, className }: EmptyStateProps) {
  return (
    <div
      className={cx(
        "flex flex-col items-center rounded-lg border border-dashed border-zinc-300 bg-white px-6 py-12 text-center",
        className,
      )}
    >
      {icon ? (
        <div className="mb-4 flex size-10 items-center justify-center rounded-full bg-accent-50 text-accent-600 [&_svg]:size-5">
          {icon}
        </div>
      ) : null}
      <h2 className="text-base font-semibold text-zinc-900">{title}</h2>
      {description ? <p className="mt-1 max-w-sm text-zinc-600">{description}</p> : null}
      {action ? <div className="mt-5 flex flex-wrap justify-center gap-2">{action}</div> : null}
    </div>
  );
}
