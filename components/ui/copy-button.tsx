"use client";

import { useState } from "react";
import { Button, type ButtonProps } from "./button";

export interface CopyButtonProps extends Omit<ButtonProps, "onClick" | "children"> {
  /** The text put on the clipboard. */
  text: string;
  /** The button's name, e.g. "Copy redirect link". */
  label?: string;
}

/** Copies `text` and says so ("Copied"); says plainly when the browser refuses (no clipboard outside https). */
export function CopyButton({ text, label = "Copy", size = "sm", ...props }: CopyButtonProps) {
  const [outcome, setOutcome] = useState<"copied" | "refused" | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        size={size}
        {...props}
        onClick={() => {
          const clipboard = typeof navigator === "undefined" ? undefined : navigator.clipboard;
          if (!clipboard) return setOutcome("refused");
          clipboard.writeText(text).then(
            () => setOutcome("copied"),
            () => setOutcome("refused"),
          );
        }}
      >
        {label}
      </Button>
      <span role="status" className="text-[13px] text-zinc-600">
        {outcome === "copied" ? "Copied" : outcome === "refused" ? "The browser did not allow copying: select the text instead." : ""}
      </span>
    </span>
  );
}
