"use client";

import type { Resource } from "@/core/permissions/permissions";
import { useId, useState, type ReactNode } from "react";
import { CloseIcon, MenuIcon } from "@/components/ui/icons";
import { NavLinks } from "./nav-links";

export interface MobileNavProps {
  /** The product link shown next to the menu button. */
  brand: ReactNode;
  /** The account menu on the right. */
  account: ReactNode;
  /** Resources the user may read (see NavLinks). */
  readable: readonly Resource[];
}

/** The top bar below the `lg` breakpoint, with a button that shows the navigation under it. */
export function MobileNav({ brand, account, readable }: MobileNavProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <header className="sticky top-0 z-30 border-b border-zinc-200 bg-white/95 backdrop-blur lg:hidden">
      <div className="flex h-14 items-center gap-2 px-3 sm:px-4">
        <button
          type="button"
          aria-label="Toggle navigation"
          aria-expanded={open}
          aria-controls={open ? panelId : undefined}
          onClick={() => setOpen((wasOpen) => !wasOpen)}
          className="flex size-9 shrink-0 items-center justify-center rounded-lg text-zinc-700 hover:bg-zinc-100"
        >
          {open ? <CloseIcon className="size-5" /> : <MenuIcon className="size-5" />}
        </button>
        <div className="min-w-0 flex-1">{brand}</div>
        {account}
      </div>
      {open ? (
        <nav
          id={panelId}
          aria-label="Main"
          onKeyDown={(event) => {
            if (event.key === "Escape") setOpen(false);
          }}
          className="max-h-[calc(100dvh-3.5rem)] overflow-y-auto border-t border-zinc-200 px-3 py-4"
        >
          <NavLinks onNavigate={() => setOpen(false)} readable={readable} />
        </nav>
      ) : null}
    </header>
  );
}
