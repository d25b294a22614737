import type { ComponentType } from "react";
import { BeakerIcon, FlagIcon, KeyIcon, ListIcon, ShieldIcon, UsersIcon, type IconProps } from "@/components/ui/icons";

export interface NavItem {
  href: string;
  label: string;
  icon: ComponentType<IconProps>;
}

export interface NavSection {
  label: string;
  items: readonly NavItem[];
}

/** The app's sections, in sidebar order. */
export const NAV_SECTIONS: readonly NavSection[] = [
  {
    label: "Experimentation",
    items: [
      { href: "/experiments", label: "Experiments", icon: BeakerIcon },
      { href: "/flags", label: "Feature flags", icon: FlagIcon },
    ],
  },
  {
    label: "Administration",
    items: [
      { href: "/users", label: "Users", icon: UsersIcon },
      { href: "/roles", label: "Roles", icon: ShieldIcon },
      { href: "/api-keys", label: "API keys", icon: KeyIcon },
      { href: "/audit-log", label: "Audit log", icon: ListIcon },
    ],
  },
];

/** A link is current on its own page and on every page below it (/flags/new-checkout). */
export function isCurrentPath(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}
