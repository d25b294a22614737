"use client";

import { useState } from "react";
import { keyFromName } from "./experiment-form-data";

/**
 * A name and a key typed side by side, where (with `suggest`) the key follows the name, "Checkout v2" →
 * "checkout-v2", until someone edits the key; emptying the key lets it follow again.
 */
export function useSuggestedKey(initialName: string, initialKey: string, suggest: boolean) {
  const [name, setName] = useState(initialName);
  const [key, setKey] = useState(initialKey);
  const [keyEdited, setKeyEdited] = useState(!suggest || initialKey !== keyFromName(initialName));
  return {
    name,
    key,
    changeName: (value: string) => {
      setName(value);
      if (!keyEdited) setKey(keyFromName(value));
    },
    changeKey: (value: string) => {
      setKey(value);
      setKeyEdited(value !== "");
    },
  };
}
