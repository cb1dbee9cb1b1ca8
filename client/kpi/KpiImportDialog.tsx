import { useMemo } from 'react';
import { formatKpiNumber, parseKpiCsv } from '../../shared/index.ts';
import { useBoard, useSession } from '../board/hooks.ts';
import { showToast } from '../board/editorState.ts';
import { Dialog } from '../ui/Dialog.tsx';

/**
 * What a KPI CSV file would do, before anything is written: the rows that will be applied, and
 * one clear error per row that will not. Importing applies the good rows in one command (one
 * undo step). The preview follows the live board: a stage renamed meanwhile is re-checked.
 */
export function KpiImportDialog({ fileName, text, onClose }: { fileName: string; text: string; onClose: () => void }) {
  const session = useSession();
  const board = useBoard();
  const { rows, errors } = useMemo(() => parseKpiCsv(text, board), [text, board]);
  const apply = () => {
    const done = session.run('importKpis', { rows: rows.map((r) => r.input) });
    if (done) {
      showToast(
        session.editor,
        `Imported ${done.length} KPI value${done.length === 1 ? '' : 's'} from ${fileName}. Undo reverts the whole import.`,
      );
      onClose();
    }
  };
  return (
    <Dialog title={`Import KPIs from ${fileName}`} onClose={onClose} className="kpi-import">
      <p className="kpi-import-summary" data-testid="kpi-import-summary">
        <strong>{rows.length}</strong> row{rows.length === 1 ? '' : 's'} ready to import
        {errors.length > 0 && (
          <>
            {' · '}
            <strong className="error">{errors.length}</strong> with errors, which will be skipped
          </>
        )}
      </p>
      {errors.length > 0 && (
        <section aria-labelledby="kpi-import-errors">
          <h3 id="kpi-import-errors" className="kpi-import-heading">
            Rows that will not be imported
          </h3>
          <ul className="stack-list kpi-import-errors" data-testid="kpi-import-errors">
            {errors.map((e, i) => (
              <li key={i}>
                <span className="kpi-line">Line {e.line}</span> {e.message}
              </li>
            ))}
          </ul>
        </section>
      )}
      {rows.length > 0 && (
        <section aria-labelledby="kpi-import-rows" className="kpi-import-table-wrap">
          <h3 id="kpi-import-rows" className="kpi-import-heading">
            Rows to import
          </h3>
          <table className="kpi-import-table" data-testid="kpi-import-rows">
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Stage</th>
                <th scope="col">Metric</th>
                <th scope="col">Value</th>
                <th scope="col">Target</th>
                <th scope="col">Change</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.line}>
                  <td>{r.line}</td>
                  <td>{r.stageName}</td>
                  <td>{r.input.metric}</td>
                  <td>
                    {formatKpiNumber(r.input.value ?? null)}
                    {r.input.unit ? ` ${r.input.unit}` : ''}
                  </td>
                  <td>
                    {r.input.target === undefined ? (
                      <span className="muted">unchanged</span>
                    ) : (
                      formatKpiNumber(r.input.target)
                    )}
                  </td>
                  <td>{r.updates ? 'Updates' : 'Adds'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="btn primary"
          data-testid="kpi-import-apply"
          disabled={rows.length === 0}
          onClick={apply}
        >
          {rows.length === 0 ? 'Nothing to import' : `Import ${rows.length} row${rows.length === 1 ? '' : 's'}`}
        </button>
      </div>
    </Dialog>
  );
}
