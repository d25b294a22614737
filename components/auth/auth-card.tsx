import type { ReactNode } from "react";
import { Wordmark } from "@/components/ui/wordmark";

export interface AuthCardProps {
  /** The page's <h1>, e.g. "Sign in to Experimentation Platform". */
  title: ReactNode;
  /** One or two sentences telling a newcomer what this page is for. */
  subtitle?: ReactNode;
  /** The form. */
  children: ReactNode;
  /** Small print under the card (a link to another page, a note for admins). */
  footer?: ReactNode;
}

/** The signed-out page layout (sign-in, first-run setup): wordmark, then a centered card. Renders <main>. */
export function AuthCard({ title, subtitle, children, footer }: AuthCardProps) {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center bg-linear-to-b from-accent-50/60 via-zinc-50 to-zinc-50 px-4 py-12">
      <div className="w-full max-w-md">
        <div className="mb-8 flex justify-center">
          <Wordmark />
        </div>
        <div className="rounded-xl border border-zinc-200 bg-white px-5 py-6 shadow-sm sm:px-8 sm:py-8">
          <h1 className="text-lg font-semibold tracking-tight text-balance text-zinc-900">{title}</h1>
          {subtitle ? <p className="mt-1.5 text-pretty text-zinc-600">{subtitle}</p> : null}
          <div className="mt-6">{children}</div>
        </div>
        {footer ? (
          <div className="mt-6 text-center text-[13px] text-zinc-600 [&_a]:font-medium [&_a]:text-accent-700 [&_a]:hover:underline">
            {footer}
          </div>
        ) : null}
      </div>
    </main>
  );
}
