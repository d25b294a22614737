"use client";

import { FlexRender, type Row, type RowData, type TableFeatures } from "@tanstack/react-table";
import { TBody, Td, Tr } from "./data-table";

/**
 * A TanStack table's rows as a real <tbody>: one <tr> per row, one <td> per cell, rendered by its column.
 * `cellClassName` applies to every cell, or per column when a function (the same one the head gets, so a
 * column hidden on phones hides its header and its cells alike).
 */
export function TableBodyRows<TFeatures extends TableFeatures, TData extends RowData>({
  rows,
  cellClassName,
}: {
  rows: Array<Row<TFeatures, TData>>;
  cellClassName?: string | ((columnId: string) => string | undefined);
}) {
  return (
    <TBody>
      {rows.map((row) => (
        <Tr key={row.id}>
          {row.getAllCells().map((cell) => (
            <Td key={cell.id} className={typeof cellClassName === "function" ? cellClassName(cell.column.id) : cellClassName}>
              <FlexRender cell={cell} />
            </Td>
          ))}
        </Tr>
      ))}
    </TBody>
  );
}
