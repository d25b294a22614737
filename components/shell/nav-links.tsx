"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useId } from "react";
import type { Resource } from "@/core/permissions/permissions";
import { isCurrentPath, visibleSections } from "./nav-items";

export interface NavLinksProps {
  /** Called when a link is followed (the mobile menu closes itself with it). */
  onNavigate?: () => void;
  /** Resources the user may read: links to the others are not shown. */
  readable: readonly Resource[];
}

/** The sidebar's link list; the current page's link gets aria-current="page". */
export function NavLinks({ onNavigate, readable }: NavLinksProps) {
  const pathname = usePathname();
  const idPrefix = useId();
  return (
    <div className="space-y-6">
      {visibleSections(readable).map((section, index) => {
        const headingId = `${idPrefix}-section-${index}`;
        return (
          <div key={section.label}>
            <div id={headingId} className="mb-1 px-2.5 text-xs font-medium text-zinc-500">
              {section.label}
            </div>
            <ul aria-labelledby={headingId} className="space-y-0.5">
              {section.items.map((item) => (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    onClick={onNavigate}
                    aria-current={isCurrentPath(pathname, item.href) ? "page" : undefined}
                    className="group flex items-center gap-3 rounded-lg px-2.5 py-2 font-medium text-zinc-600 transition-colors hover:bg-zinc-100 hover:text-zinc-900 aria-[current=page]:bg-zinc-100 aria-[current=page]:text-zinc-900"
                  >
                    <item.icon className="size-4 shrink-0 text-zinc-500 group-hover:text-zinc-700 group-aria-[current=page]:text-accent-600" />
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </div>
  );
}
