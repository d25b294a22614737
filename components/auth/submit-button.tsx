"use client";

import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { Button, type ButtonProps } from "@/components/ui/button";
import { SpinnerIcon } from "@/components/ui/icons";

export type SubmitButtonProps = Omit<ButtonProps, "type"> & {
  /** Shown while the form is submitting, e.g. "Signing in…"; defaults to the normal label. */
  pendingLabel?: ReactNode;
};

/** A submit button that shows a spinner and disables itself while its form's action runs. */
export function SubmitButton({ children, pendingLabel, disabled, variant = "primary", ...props }: SubmitButtonProps) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant={variant} disabled={disabled || pending} aria-busy={pending || undefined} {...props}>
      {pending ? <SpinnerIcon className="size-4 animate-spin" /> : null}
      {pending ? (pendingLabel ?? children) : children}
    </Button>
  );
}
