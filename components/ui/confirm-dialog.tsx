"use client";

/**
 * ConfirmDialog: asks before an action that cannot be undone, in a modal <dialog> (focus moves into it and
 * stays there, Escape cancels, the page behind is inert: the browser does all of it).
 *
 *   <ConfirmDialog
 *     open={asking}
 *     title="Complete this experiment?"
 *     confirmLabel="Complete experiment"
 *     tone="danger"
 *     pending={saving}
 *     onConfirm={() => run()}
 *     onClose={() => setAsking(false)}
 *   >
 *     <p>Assignments stop and the results freeze.</p>
 *   </ConfirmDialog>
 *
 * The dialog is named by its title and described by its body; the confirm button is focused on opening
 * for the primary tone and the cancel button for the danger tone, so Enter never destroys by accident.
 */
import { type ReactNode, useEffect, useId, useRef } from "react";
import { Button } from "./button";
import { cx } from "./class-names";
import { SpinnerIcon } from "./icons";

export interface ConfirmDialogProps {
  open: boolean;
  title: ReactNode;
  children?: ReactNode;
  confirmLabel: ReactNode;
  cancelLabel?: ReactNode;
  tone?: "primary" | "danger";
  /** The confirmed action is running: the buttons wait. */
  pending?: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

export function ConfirmDialog({ open, title, children, confirmLabel, cancelLabel = "Cancel", tone = "primary", pending = false, onConfirm, onClose }: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={children ? bodyId : undefined}
      onCancel={(event) => {
        // Escape: let React's state decide, so the dialog cannot be closed behind its owner's back.
        event.preventDefault();
        if (!pending) onClose();
      }}
      className={cx(
        "m-auto w-[calc(100%-2rem)] max-w-md rounded-xl border border-zinc-200 bg-white p-0 text-sm text-zinc-700 shadow-xl backdrop:bg-zinc-900/40",
      )}
    >
      {open ? (
        <div className="space-y-4 p-5">
          <h2 id={titleId} className="text-base font-semibold text-zinc-900">
            {title}
          </h2>
          {children ? (
            <div id={bodyId} className="space-y-2">
              {children}
            </div>
          ) : null}
          <div className="flex flex-wrap justify-end gap-2 pt-1">
            <Button variant="secondary" onClick={onClose} disabled={pending} autoFocus={tone === "danger"}>
              {cancelLabel}
            </Button>
            <Button variant={tone === "danger" ? "danger" : "primary"} onClick={onConfirm} disabled={pending} aria-busy={pending || undefined} autoFocus={tone !== "danger"}>
              {pending ? <SpinnerIcon className="size-4 animate-spin" /> : null}
              {confirmLabel}
            </Button>
          </div>
        </div>
      ) : null}
    </dialog>
  );
}
