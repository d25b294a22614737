"use client";

import { Select, type SelectProps } from "./select";

/**
 * A <select> that submits its form as soon as a choice is made, like a tab: for filter bars. The form still
 * works without JavaScript through its submit button.
 */
export function SubmitOnChangeSelect({ onChange, ...props }: SelectProps) {
  return (
    <Select
      {...props}
      onChange={(event) => {
        onChange?.(event);
        event.currentTarget.form?.requestSubmit();
      }}
    />
  );
}
