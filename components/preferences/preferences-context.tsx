"use client";

import { createContext, useContext, type ReactNode } from "react";

/** The signed-in user's display preferences (users.preferences), as the app applies them. */
export interface DisplayPreferences {
  theme: "light" | "dark" | "system";
  pageSize: number;
  timeZone: string;
}

const DEFAULTS: DisplayPreferences = { theme: "system", pageSize: 25, timeZone: "UTC" };
const PreferencesContext = createContext<DisplayPreferences>(DEFAULTS);

/** Set once by the signed-in layout; every date below it reads the user's time zone. */
export function PreferencesProvider({ value, children }: { value: DisplayPreferences; children: ReactNode }) {
  return <PreferencesContext.Provider value={value}>{children}</PreferencesContext.Provider>;
}

export function usePreferences(): DisplayPreferences {
  return useContext(PreferencesContext);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * "25 Nov 2026, 05:38 CET" in the given zone, named so a time never reads ambiguously; with
 * `dateOnly`, "25 Nov 2026" (the day in that zone).
 */
export function formatInZone(value: Date, timeZone: string, dateOnly = false): string {
  const id = `${timeZone}|${dateOnly}`;
  let formatter = formatters.get(id);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(
      "en-GB",
      dateOnly
        ? { year: "numeric", month: "short", day: "numeric", timeZone }
        : { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZone, timeZoneName: "short" },
    );
    formatters.set(id, formatter);
  }
  return formatter.format(value);
}

/** A date (and time) in the signed-in user's time zone, inside a <time> with the exact instant. */
export function DateTime({ value, empty = "—", dateOnly = false }: { value: string | Date | null | undefined; empty?: string; dateOnly?: boolean }) {
  const { timeZone } = usePreferences();
  if (!value) return <>{empty}</>;
  const instant = new Date(value);
  return (
    <time dateTime={instant.toISOString()} className="whitespace-nowrap">
      {formatInZone(instant, timeZone, dateOnly)}
    </time>
  );
}
