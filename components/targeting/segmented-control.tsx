"use client";

import { cx } from "@/components/ui/class-names";

export interface SegmentedOption<T extends string> {
  value: T;
  label: string;
}

export interface SegmentedControlProps<T extends string> {
  /** Names the set of buttons for assistive technology ("Editing mode"). */
  label: string;
  options: ReadonlyArray<SegmentedOption<T>>;
  value: T;
  onChange: (value: T) => void;
}

/**
 * A choice of two or three, as toggle buttons with `aria-pressed` in a named group: simpler than a tablist
 * (no arrow-key roving to implement) and announced as "All, toggle button, pressed".
 */
export function SegmentedControl<T extends string>({ label, options, value, onChange }: SegmentedControlProps<T>) {
  return (
    <div role="group" aria-label={label} className="inline-flex rounded-lg border border-zinc-300 bg-white p-0.5 shadow-xs">
      {options.map((option) => {
        const pressed = option.value === value;
        return (
          <button
            key={option.value}
            type="button"
            aria-pressed={pressed}
            onClick={() => onChange(option.value)}
            className={cx(
              "h-7 rounded-md px-2.5 text-[13px] font-medium transition-colors",
              pressed ? "bg-accent-600 text-white shadow-xs" : "text-zinc-700 hover:bg-zinc-100 hover:text-zinc-900",
            )}
          >
            {option.label}
          </button>
        );
      })}
    </div>
  );
}
