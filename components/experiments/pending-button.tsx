import type { ReactNode } from "react";
import { Button, type ButtonProps } from "@/components/ui/button";
import { SpinnerIcon } from "@/components/ui/icons";

export type PendingButtonProps = ButtonProps & {
  pending: boolean;
  /** Shown while the action runs ("Saving…"); defaults to the normal label. */
  pendingLabel?: ReactNode;
};

/** A button that shows a spinner and disables itself while its action runs. */
export function PendingButton({ pending, pendingLabel, children, disabled, variant = "primary", type = "submit", ...props }: PendingButtonProps) {
  return (
    <Button type={type} variant={variant} disabled={disabled || pending} aria-busy={pending || undefined} {...props}>
      {pending ? <SpinnerIcon className="size-4 animate-spin" /> : null}
      {pending ? (pendingLabel ?? children) : children}
    </Button>
  );
}
