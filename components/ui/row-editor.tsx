"use client";

/**
 * RowEditor: a list of like items edited in place (variants, metrics, flag variants, rules...), as a real
 * <table> on wide screens and as stacked cards below 640 px, where a row of inputs would be squashed to a
 * few characters each. One DOM serves both layouts, so every control exists once and keeps its label.
 *
 *   const list = useEditableRows(initial, (row) => ({ ...row }));
 *   <RowEditor
 *     label="Variants"                       // names the table
 *     itemName={(i) => `Variant ${i + 1}`}    // card titles and the remove buttons' names
 *     rows={list.rows}
 *     columns={[{ header: "Name", cell: (row, i) => <Field label={`Variant ${i + 1} name`} hideLabel>…</Field> }]}
 *     onRemove={list.remove}
 *     actions={<Button onClick={() => list.add(blank)}>Add variant</Button>}
 *   />
 *
 * A column's cell renders the controls with their own (visually hidden) labels; the column header is shown
 * above them in card layout. `removable` and `removeHint` disable a row's remove button and say why.
 */
import { type ReactNode, useState } from "react";
import { Button } from "./button";
import { cx } from "./class-names";
import { CloseIcon } from "./icons";

export interface RowEditorColumn<R> {
  header: ReactNode;
  cell: (row: R, index: number) => ReactNode;
  /** Width and alignment classes for the wide layout's column, e.g. "w-28". */
  className?: string;
  /** Hides the column header text (e.g. a lone checkbox column titled elsewhere); the card still shows it. */
  cardOnlyHeader?: boolean;
}

export interface RowEditorProps<R extends { rowKey: string }> {
  label: string;
  itemName: (index: number) => string;
  rows: readonly R[];
  columns: readonly RowEditorColumn<R>[];
  onRemove: (index: number) => void;
  removable?: (row: R, index: number) => boolean;
  removeHint?: string;
  /** Under the list: add buttons and the like. */
  actions?: ReactNode;
  /** Messages about the list as a whole (e.g. "allocations total 110%"), above it. */
  error?: readonly string[] | null;
  /** False to offer no remove buttons at all (a read-only list). */
  editable?: boolean;
}

export function RowEditor<R extends { rowKey: string }>({
  label,
  itemName,
  rows,
  columns,
  onRemove,
  removable,
  removeHint,
  actions,
  error,
  editable = true,
}: RowEditorProps<R>) {
  return (
    <div className="space-y-3">
      {error && error.length > 0 ? (
        <p role="alert" className="text-[13px] text-danger-700">
          {error.join(" ")}
        </p>
      ) : null}
      <div className="sm:relative sm:overflow-x-auto sm:rounded-lg sm:border sm:border-zinc-200 sm:bg-white">
        <table aria-label={label} className="w-full border-collapse text-left text-sm max-sm:block">
          <thead className="border-b border-zinc-200 bg-zinc-50 max-sm:hidden">
            <tr>
              {columns.map((column, index) => (
                <th key={index} scope="col" className={cx("px-3 py-2.5 text-xs font-medium whitespace-nowrap text-zinc-600", column.className)}>
                  {column.cardOnlyHeader ? <span className="sr-only">{column.header}</span> : column.header}
                </th>
              ))}
              {editable ? (
                <th scope="col" className="w-10 px-3 py-2.5">
                  <span className="sr-only">Remove</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 max-sm:block max-sm:space-y-3 max-sm:divide-y-0">
            {rows.map((row, index) => {
              const canRemove = removable ? removable(row, index) : true;
              const name = itemName(index);
              return (
                <tr
                  key={row.rowKey}
                  className="align-top max-sm:relative max-sm:block max-sm:rounded-lg max-sm:border max-sm:border-zinc-200 max-sm:bg-white max-sm:px-3 max-sm:pt-2 max-sm:pb-3"
                >
                  {columns.map((column, columnIndex) => (
                    <td key={columnIndex} className={cx("px-3 py-2.5 align-top text-zinc-700 max-sm:block max-sm:px-0 max-sm:py-1.5", column.className, "max-sm:w-auto")}>
                      {columnIndex === 0 ? (
                        <p aria-hidden="true" className="mb-2 pr-10 font-semibold text-zinc-900 sm:hidden">
                          {name}
                        </p>
                      ) : null}
                      <p aria-hidden="true" className="mb-1 text-xs font-medium text-zinc-600 sm:hidden">
                        {column.header}
                      </p>
                      {column.cell(row, index)}
                    </td>
                  ))}
                  {editable ? (
                    <td className="w-10 px-3 py-2.5 align-top max-sm:absolute max-sm:top-1.5 max-sm:right-1.5 max-sm:p-0">
                      <Button
                        variant="ghost"
                        size="icon"
                        aria-label={`Remove ${name.toLowerCase()}`}
                        title={canRemove ? `Remove ${name.toLowerCase()}` : removeHint}
                        disabled={!canRemove}
                        onClick={() => onRemove(index)}
                      >
                        <CloseIcon />
                      </Button>
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
    </div>
  );
}

export interface EditableRows<R> {
  rows: (R & { rowKey: string })[];
  update: (index: number, change: Partial<R>) => void;
  remove: (index: number) => void;
  add: (row: R) => void;
  /** Changes every row at once: `change` answers one partial row per row (e.g. "split traffic evenly"). */
  updateAll: (change: (rows: readonly R[]) => Partial<R>[]) => void;
}

/** The list state behind a RowEditor: rows with stable keys, so React keeps each row's inputs as rows come and go. */
export function useEditableRows<R extends object>(initial: readonly R[], keyOf?: (row: R, index: number) => string | undefined): EditableRows<R> {
  const [state, setState] = useState(() => ({
    rows: initial.map((row, index) => ({ ...row, rowKey: keyOf?.(row, index) ?? `initial-${index}` })),
    next: 0,
  }));
  return {
    rows: state.rows,
    update: (index, change) => setState((s) => ({ ...s, rows: s.rows.map((row, i) => (i === index ? { ...row, ...change } : row)) })),
    remove: (index) => setState((s) => ({ ...s, rows: s.rows.filter((_, i) => i !== index) })),
    add: (row) => setState((s) => ({ rows: [...s.rows, { ...row, rowKey: `added-${s.next}` }], next: s.next + 1 })),
    updateAll: (change) =>
      setState((s) => {
        const changed = change(s.rows);
        return { ...s, rows: s.rows.map((row, i) => ({ ...row, ...changed[i], rowKey: row.rowKey })) };
      }),
  };
}
