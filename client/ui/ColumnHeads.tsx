import type { ReactNode } from 'react';

/** A table's head: one row of column headings, in order (`scope="col"`, so a screen reader names each cell). */
export function ColumnHeads({ columns }: { columns: readonly ReactNode[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c, i) => (
          <th key={i} scope="col">
            {c}
          </th>
        ))}
      </tr>
    </thead>
  );
}
