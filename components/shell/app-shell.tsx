import Link from "next/link";
import type { ReactNode } from "react";
import type { Resource } from "@/core/permissions/permissions";
import { Wordmark } from "@/components/ui/wordmark";
import { MobileNav } from "./mobile-nav";
import { NavLinks } from "./nav-links";
import type { ShellUser } from "./shell-user";
import { SignOutForm } from "./sign-out-form";
import { UserMenu } from "./user-menu";

export interface AppShellProps {
  user: ShellUser;
  /** A server action ("use server"); it is the sign-out form's action. */
  signOutAction: () => Promise<void>;
  /** Resources the user may read; the navigation offers only those areas. */
  readable: readonly Resource[];
  children: ReactNode;
}

/**
 * The signed-in layout: a fixed sidebar on large screens, a top bar with a menu button below `lg`.
 * Renders the page's <main id="main-content">; pages put their PageHeader and content inside.
 */
export function AppShell({ user, signOutAction, readable, children }: AppShellProps) {
  const brand = (
    <Link href="/" className="inline-flex rounded-lg">
      <Wordmark />
    </Link>
  );
  const signOut = <SignOutForm action={signOutAction} />;

  return (
    <div className="min-h-dvh">
      <a
        href="#main-content"
        className="sr-only rounded-lg bg-white font-medium text-zinc-900 shadow-lg focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-50 focus:px-3 focus:py-2"
      >
        Skip to main content
      </a>

      <div className="fixed inset-y-0 left-0 z-30 hidden w-64 flex-col border-r border-zinc-200 bg-white lg:flex">
        <div className="flex h-16 shrink-0 items-center px-5">{brand}</div>
        <nav aria-label="Main" className="flex-1 overflow-y-auto px-3 py-2">
          <NavLinks readable={readable} />
        </nav>
        <div className="border-t border-zinc-200 p-3">
          <UserMenu user={user} layout="sidebar">
            {signOut}
          </UserMenu>
        </div>
      </div>

      <MobileNav
        brand={brand}
        readable={readable}
        account={
          <UserMenu user={user} layout="topbar">
            {signOut}
          </UserMenu>
        }
      />

      <div className="lg:pl-64">
        <main
          id="main-content"
          tabIndex={-1}
          className="mx-auto w-full max-w-6xl px-4 py-6 focus:outline-hidden sm:px-6 lg:px-10 lg:py-10"
        >
          {children}
        </main>
      </div>
    </div>
  );
}
