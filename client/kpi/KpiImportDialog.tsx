import { useMemo } from 'react';
import { formatKpiNumber, type KpiImportPreview, parseKpiCsv } from '../../shared/index.ts';
import { useBoard, useSession } from '../board/hooks.ts';
import { showToast } from '../board/editorState.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { KpiImportActions, KpiImportErrors, KpiImportTable } from './KpiImportParts.tsx';
import { KpiMeasurementImport } from './KpiMeasurementImport.tsx';

/**
 * What a KPI CSV file would do, before anything is written. A file with a date column holds
 * measurements (KpiMeasurementImport); otherwise: the current values that will be applied, and
 * one clear error per row that will not. Importing applies the good rows in one command (one
 * undo step). The preview follows the live board: a stage renamed meanwhile is re-checked.
 */
export function KpiImportDialog({ fileName, text, onClose }: { fileName: string; text: string; onClose: () => void }) {
  const board = useBoard();
  const preview = useMemo(() => parseKpiCsv(text, board), [text, board]);
  return (
    <Dialog title={`Import KPIs from ${fileName}`} onClose={onClose} className="kpi-import">
      {preview.dated ? (
        <KpiMeasurementImport fileName={fileName} preview={preview} onClose={onClose} />
      ) : (
        <CurrentValuesImport fileName={fileName} preview={preview} onClose={onClose} />
      )}
    </Dialog>
  );
}

function CurrentValuesImport({
  fileName,
  preview: { rows, errors },
  onClose,
}: {
  fileName: string;
  preview: KpiImportPreview;
  onClose: () => void;
}) {
  const session = useSession();
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
    <>
      <p className="kpi-import-summary" data-testid="kpi-import-summary">
        <strong>{rows.length}</strong> row{rows.length === 1 ? '' : 's'} ready to import
        {errors.length > 0 && (
          <>
            {' · '}
            <strong className="error">{errors.length}</strong> with errors, which will be skipped
          </>
        )}
      </p>
      <KpiImportErrors errors={errors} title="Rows that will not be imported" />
      {rows.length > 0 && (
        <KpiImportTable title="Rows to import" columns={['Line', 'Stage', 'Metric', 'Value', 'Target', 'Change']}>
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
        </KpiImportTable>
      )}
      <KpiImportActions
        onClose={onClose}
        onApply={apply}
        disabled={rows.length === 0}
        label={rows.length === 0 ? 'Nothing to import' : `Import ${rows.length} row${rows.length === 1 ? '' : 's'}`}
      />
    </>
  );
}
