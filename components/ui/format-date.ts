const formatter = new Intl.DateTimeFormat("en-GB", {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
});

/** Dates shown in tables: unambiguous, the same on every server ("25 Nov 2026, 04:38 UTC"). */
export function formatDateTime(value: Date | null | undefined, empty = "—"): string {
  return value ? formatter.format(value) : empty;
}
