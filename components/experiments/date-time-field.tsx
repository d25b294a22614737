"use client";

import { useState, useSyncExternalStore } from "react";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { isoToLocalDateTime, localDateTimeToIso } from "./experiment-form-data";

const noSubscription = () => () => {};

/** True in the browser after hydration; false on the server, whose time zone is not the reader's. */
function useInBrowser(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

export interface DateTimeFieldProps {
  label: string;
  /** The submitted field: an ISO-8601 instant with offset, or "" for none. */
  name: string;
  /** The stored instant, if any (ISO text). */
  defaultValue?: string | null;
  error?: readonly string[];
  disabled?: boolean;
}

/**
 * A date and time picked in the reader's own time zone (`datetime-local`), submitted as an ISO instant:
 * the schema refuses local times without an offset, since the server cannot know which zone was meant.
 */
export function DateTimeField({ label, name, defaultValue, error, disabled }: DateTimeFieldProps) {
  const inBrowser = useInBrowser();
  const [edited, setEdited] = useState<string | null>(null);
  const local = edited ?? (inBrowser ? isoToLocalDateTime(defaultValue) : "");
  const submitted = edited === null ? (defaultValue ?? "") : localDateTimeToIso(edited);
  const zone = inBrowser ? Intl.DateTimeFormat().resolvedOptions().timeZone : undefined;
  return (
    <Field label={label} error={error} hint={zone ? `Optional. Your local time (${zone}).` : "Optional. Your local time."}>
      {(control) => (
        <>
          <Input {...control} type="datetime-local" value={local} onChange={(event) => setEdited(event.target.value)} disabled={disabled} />
          <input type="hidden" name={name} value={submitted} disabled={disabled} />
        </>
      )}
    </Field>
  );
}
