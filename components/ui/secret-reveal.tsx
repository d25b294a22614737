"use client";

import { useState } from "react";
import { Button } from "./button";

/** A secret shown once (a new API key, a one-time password) with a copy button. */
export function SecretReveal({ label, secret }: { label: string; secret: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    await navigator.clipboard.writeText(secret);
    setCopied(true);
  }
  return (
    <div className="space-y-1.5 rounded-lg border border-warning-200 bg-warning-50 p-3">
      <p className="font-medium text-warning-800">{label}</p>
      <div className="flex flex-wrap items-center gap-2">
        <code aria-label={label} className="min-w-0 flex-1 rounded-md border border-zinc-200 bg-white px-2 py-1.5 text-xs break-all text-zinc-900 select-all">
          {secret}
        </code>
        <Button size="sm" onClick={() => void copy()}>
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
    </div>
  );
}
