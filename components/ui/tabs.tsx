"use client";

/**
 * Tabs: sections of one page behind a WAI-ARIA tab list (arrow keys, Home and End move between tabs).
 *
 *   <Tabs
 *     label="Experiment"
 *     param="tab"                       // the chosen tab is kept in ?tab=… so a reload or a link keeps it
 *     initial={searchParams.tab}
 *     tabs={[{ id: "overview", label: "Overview", content: <Overview /> }, …]}
 *   />
 *
 * Every panel stays mounted (hidden when not chosen), so an edit in progress survives a look at another tab.
 * Adding a tab is one more entry in `tabs`.
 */
import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from "react";
import { cx } from "./class-names";

export interface TabItem {
  id: string;
  label: ReactNode;
  content: ReactNode;
}

export interface TabsProps {
  label: string;
  tabs: readonly TabItem[];
  /** The tab shown first; the first tab when absent or unknown. */
  initial?: string;
  /** A search parameter that mirrors the chosen tab in the address. */
  param?: string;
}

export function Tabs({ label, tabs, initial, param }: TabsProps) {
  const [chosen, setChosen] = useState(() => (tabs.some((tab) => tab.id === initial) ? initial : tabs[0]?.id));
  const base = useId();
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);

  // On a narrow screen the tab list scrolls sideways: a tab opened from the address must not start out of sight.
  useEffect(() => {
    const button = buttons.current[tabs.findIndex((tab) => tab.id === chosen)];
    const list = button?.parentElement;
    const hidden = button && list ? button.getBoundingClientRect().right - list.getBoundingClientRect().right : 0;
    if (list && hidden > 0) list.scrollLeft += hidden;
    // Only on mount: later choices are made by clicking or with the keyboard, which bring the tab into view themselves.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function choose(index: number, focus = false) {
    const tab = tabs[index];
    if (!tab) return;
    setChosen(tab.id);
    if (focus) buttons.current[index]?.focus();
    if (param) {
      const url = new URL(window.location.href);
      if (index === 0) url.searchParams.delete(param);
      else url.searchParams.set(param, tab.id);
      // `null`, not the current state: Next's router syncs a replaceState whose data is not its own, so a later
      // server action's refresh keeps ?tab=; handing it its own state back makes it skip the sync.
      window.history.replaceState(null, "", url);
    }
  }

  function onKeyDown(event: KeyboardEvent, index: number) {
    const last = tabs.length - 1;
    const next = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    choose(next, true);
  }

  return (
    <div>
      <div role="tablist" aria-label={label} className="-mx-4 flex gap-1 overflow-x-auto border-b border-zinc-200 px-4 sm:mx-0 sm:px-0">
        {tabs.map((tab, index) => {
          const selected = tab.id === chosen;
          return (
            <button
              key={tab.id}
              ref={(element) => {
                buttons.current[index] = element;
              }}
              type="button"
              role="tab"
              id={`${base}-tab-${tab.id}`}
              aria-selected={selected}
              aria-controls={`${base}-panel-${tab.id}`}
              tabIndex={selected ? 0 : -1}
              onClick={() => choose(index)}
              onKeyDown={(event) => onKeyDown(event, index)}
              className={cx(
                "-mb-px shrink-0 border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap",
                selected ? "border-accent-600 text-zinc-900" : "border-transparent text-zinc-500 hover:text-zinc-800",
              )}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab.id}
          role="tabpanel"
          id={`${base}-panel-${tab.id}`}
          aria-labelledby={`${base}-tab-${tab.id}`}
          hidden={tab.id !== chosen}
          className="space-y-6 pt-6"
        >
          {tab.content}
        </div>
      ))}
    </div>
  );
}
