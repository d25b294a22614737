"use client";

import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { cx } from "@/components/ui/class-names";
import { ChevronUpDownIcon } from "@/components/ui/icons";
import { displayNameOf, type ShellUser } from "./shell-user";

export interface UserMenuProps {
  user: ShellUser;
  /** "sidebar": a full-width row that opens upward; "topbar": an avatar button that opens downward. */
  layout: "sidebar" | "topbar";
  /** The menu's actions, rendered on the server (the sign-out form). */
  children: ReactNode;
}

/**
 * The signed-in user's menu: a disclosure button named "Account menu" and a panel with the user's
 * name, email, roles and the actions. Closes on Escape, on a click outside and when focus leaves it.
 */
export function UserMenu({ user, layout, children }: UserMenuProps) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const name = displayNameOf(user);

  useEffect(() => {
    if (!open) return;
    const isOutside = (target: EventTarget | null) =>
      target instanceof Node && !rootRef.current?.contains(target);
    const onPointerDown = (event: PointerEvent) => {
      if (isOutside(event.target)) setOpen(false);
    };
    const onFocusIn = (event: FocusEvent) => {
      if (isOutside(event.target)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("focusin", onFocusIn);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("focusin", onFocusIn);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [open]);

  const buttonProps = {
    ref: buttonRef,
    type: "button" as const,
    "aria-label": "Account menu",
    "aria-expanded": open,
    "aria-controls": open ? panelId : undefined,
    onClick: () => setOpen((wasOpen) => !wasOpen),
  };

  return (
    <div ref={rootRef} className="relative">
      {layout === "sidebar" ? (
        // The button is the small chevron, stretched over the whole row by its ::after, so the row
        // is clickable while the button's name stays "Account menu" and the visible text stays text.
        <div className="relative flex items-center gap-3 rounded-lg px-2 py-2 transition-colors hover:bg-zinc-100 has-aria-expanded:bg-zinc-100">
          <Avatar name={name} />
          <div className="min-w-0 flex-1 leading-5">
            <p className="truncate font-medium text-zinc-900">{name}</p>
            <p className="truncate text-xs text-zinc-600">{user.email}</p>
          </div>
          <button
            {...buttonProps}
            className="flex size-6 shrink-0 items-center justify-center rounded-md text-zinc-500 after:absolute after:inset-0 after:rounded-lg focus-visible:outline-hidden focus-visible:after:outline-2 focus-visible:after:outline-solid focus-visible:after:outline-accent-600"
          >
            <ChevronUpDownIcon />
          </button>
        </div>
      ) : (
        <button {...buttonProps} className="flex rounded-full">
          <Avatar name={name} />
        </button>
      )}

      {open ? (
        <div
          id={panelId}
          className={cx(
            "absolute z-40 w-64 rounded-lg border border-zinc-200 bg-white p-1 shadow-lg",
            layout === "sidebar" ? "bottom-full left-0 mb-2" : "top-full right-0 mt-2",
          )}
        >
          <div className="border-b border-zinc-100 px-3 pt-2 pb-3">
            <p className="text-xs text-zinc-500">Signed in as</p>
            <p className="truncate font-medium text-zinc-900">{name}</p>
            <p className="truncate text-zinc-600">{user.email}</p>
            <ul aria-label="Roles" className="mt-2 flex flex-wrap gap-1">
              {user.isSuperuser ? (
                <li>
                  <Badge tone="accent">Superuser</Badge>
                </li>
              ) : null}
              {user.roles.map((role) => (
                <li key={role}>
                  <Badge className="capitalize">{role}</Badge>
                </li>
              ))}
              {!user.isSuperuser && user.roles.length === 0 ? (
                <li className="text-xs text-zinc-500">No roles assigned</li>
              ) : null}
            </ul>
          </div>
          <div className="pt-1">{children}</div>
        </div>
      ) : null}
    </div>
  );
}
