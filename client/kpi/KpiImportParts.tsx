import { DialogActions } from '../ui/DialogActions.tsx';
import { ColumnHeads } from '../ui/ColumnHeads.tsx';
import type { ReactNode } from 'react';

/** The rows of a KPI file that cannot be imported, each with its line and what is wrong. */
export function KpiImportErrors({
  errors,
  title,
}: {
  errors: readonly { line: number; message: string }[];
  title: string;
}) {
  if (errors.length === 0) return null;
  return (
    <section aria-labelledby="kpi-import-errors">
      <h3 id="kpi-import-errors" className="kpi-import-heading">
        {title}
      </h3>
      <ul className="stack-list kpi-import-errors" data-testid="kpi-import-errors">
        {errors.map((e, i) => (
          <li key={i}>
            <span className="kpi-line">Line {e.line}</span> {e.message}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The rows of a KPI file that will be imported: a titled table, one row per line of the file. */
export function KpiImportTable({
  title,
  columns,
  more = 0,
  children,
}: {
  title: string;
  columns: readonly string[];
  /** Rows of the file not listed (a long file shows its first rows only). */
  more?: number;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby="kpi-import-rows" className="kpi-import-table-wrap">
      <h3 id="kpi-import-rows" className="kpi-import-heading">
        {title}
      </h3>
      <table className="kpi-import-table" data-testid="kpi-import-rows">
        <ColumnHeads columns={columns} />
        <tbody>{children}</tbody>
      </table>
      {more > 0 && <p className="muted small">and {more} more rows</p>}
    </section>
  );
}

/** Cancel, and the button that imports (disabled, saying so, when there is nothing to import). */
export function KpiImportActions({
  onClose,
  onApply,
  disabled,
  label,
}: {
  onClose: () => void;
  onApply: () => void;
  disabled: boolean;
  label: string;
}) {
  return (
    <DialogActions
      onCancel={onClose}
      onConfirm={onApply}
      confirm={label}
      confirmTestId="kpi-import-apply"
      disabled={disabled}
    />
  );
}
