import type { ComponentType } from "react";
import type { Resource } from "@/core/permissions/permissions";
import { BeakerIcon, ChartIcon, FlagIcon, InfoIcon, KeyIcon, ListIcon, ShieldIcon, UsersIcon, type IconProps } from "@/components/ui/icons";

export interface NavItem {
  href: string;
  label: string;
  icon: ComponentType<IconProps>;
  /** Shown only to users who may read this resource; without one, to every signed-in user. */
  resource?: Resource;
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
      { href: "/experiments", label: "Experiments", icon: BeakerIcon, resource: "experiment" },
      { href: "/flags", label: "Feature flags", icon: FlagIcon, resource: "feature_flag" },
      { href: "/planning", label: "Planning", icon: ChartIcon, resource: "experiment" },
    ],
  },
  {
    label: "Administration",
    items: [
      { href: "/users", label: "Users", icon: UsersIcon, resource: "user" },
      { href: "/roles", label: "Roles", icon: ShieldIcon, resource: "role" },
      { href: "/api-keys", label: "API keys", icon: KeyIcon, resource: "api_key" },
      { href: "/audit-log", label: "Audit log", icon: ListIcon, resource: "audit_log" },
    ],
  },
  {
    label: "Developers",
    items: [{ href: "/api-docs", label: "API reference", icon: InfoIcon }],
  },
  {
    label: "Account",
    items: [{ href: "/settings/profile", label: "Profile", icon: UsersIcon }],
  },
];

/** A link is current on its own page and on every page below it (/flags/new-checkout). */
export function isCurrentPath(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}

/** The sections with only the items whose resource the user may read; empty sections are dropped. */
export function visibleSections(readable: readonly Resource[]): NavSection[] {
  return NAV_SECTIONS.map((section) => ({ ...section, items: section.items.filter((item) => !item.resource || readable.includes(item.resource)) })).filter(
    (section) => section.items.length > 0,
  );
}
