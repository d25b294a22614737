"use client";

import { FlexRender, type Row, type RowData, type TableFeatures } from "@tanstack/react-table";
import { TBody, Td, Tr } from "./data-table";

/** A TanStack table's rows as a real <tbody>: one <tr> per row, one <td> per cell, rendered by its column. */
export function TableBodyRows<TFeatures extends TableFeatures, TData extends RowData>({ rows, cellClassName }: { rows: Array<Row<TFeatures, TData>>; cellClassName?: string }) {
  return (
    <TBody>
      {rows.map((row) => (
        <Tr key={row.id}>
          {row.getAllCells().map((cell) => (
            <Td key={cell.id} className={cellClassName}>
              <FlexRender cell={cell} />
            </Td>
          ))}
        </Tr>
      ))}
    </TBody>
  );
}
