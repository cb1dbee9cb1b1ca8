import { useEffect, useMemo, useState } from 'react';
import {
  formatKpiNumber,
  type ImportMeasurementsResponse,
  type KpiImportPreview,
  measurementImport,
} from '../../shared/index.ts';
import { KpiMeasurementsApi } from '../api/kpiMeasurements.ts';
import { showToast } from '../board/editorState.ts';
import { useSession } from '../board/hooks.ts';
import { KpiImportActions, KpiImportErrors, KpiImportTable } from './KpiImportParts.tsx';

/** Rows listed in the preview; the summary counts all of them. */
const SHOWN_ROWS = 200;

/**
 * A dated KPI file: measurements, written through the server (which enforces the role and owns
 * the series) all or nothing. While any row has an error nothing can be imported; otherwise the
 * server's dry run says, per row, whether it adds a period or replaces one (and its old value).
 */
export function KpiMeasurementImport({
  fileName,
  preview,
  onClose,
}: {
  fileName: string;
  preview: KpiImportPreview;
  onClose: () => void;
}) {
  const session = useSession();
  const api = useMemo(() => new KpiMeasurementsApi(session.boardId, () => session.token), [session]);
  const { measurements, errors } = preview;
  const kpis = useMemo(() => measurementImport(measurements), [measurements]);
  const [dryRun, setDryRun] = useState<ImportMeasurementsResponse | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ready = errors.length === 0 && kpis.length > 0;

  useEffect(() => {
    if (!ready) return;
    let live = true;
    setDryRun(null);
    api.import({ dryRun: true, kpis }).then(
      (r) => live && setDryRun(r),
      (e: unknown) => live && setFailure(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [api, kpis, ready]);

  const apply = async () => {
    setBusy(true);
    try {
      const done = await api.import({ kpis });
      showToast(
        session.editor,
        `Imported ${done.added + done.replaced} measurements from ${fileName}: ${done.added} added, ${done.replaced} replaced.`,
      );
      onClose();
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };

  return (
    <>
      <p className="kpi-import-summary" data-testid="kpi-import-summary">
        <strong>{measurements.length}</strong> measurement{measurements.length === 1 ? '' : 's'} of{' '}
        <strong>{kpis.length}</strong> KPI{kpis.length === 1 ? '' : 's'}
        {dryRun && (
          <>
            {' · '}
            {dryRun.added} new, {dryRun.replaced} replacing a value of the same date
          </>
        )}
        {errors.length > 0 && (
          <>
            {' · '}
            <strong className="error">{errors.length}</strong> with errors: fix them and choose the file again, nothing
            is imported until every row is right
          </>
        )}
      </p>
      {failure && (
        <p className="error" role="alert" data-testid="kpi-import-failure">
          {failure}
        </p>
      )}
      <KpiImportErrors errors={errors} title="Rows with errors" />
      {measurements.length > 0 && (
        <KpiImportTable
          title="Measurements"
          columns={['Line', 'Stage', 'Metric', 'Date', 'Value', 'Change']}
          more={measurements.length - SHOWN_ROWS}
        >
          {measurements.slice(0, SHOWN_ROWS).map((r, i) => {
            const change = dryRun?.changes[i];
            return (
              <tr key={r.line}>
                <td>{r.line}</td>
                <td>{r.stageName}</td>
                <td>{r.kpi.metric}</td>
                <td>{r.measurement.period}</td>
                <td>{formatKpiNumber(r.measurement.value)}</td>
                <td>
                  {!change ? (
                    <span className="muted">…</span>
                  ) : change.replaces === null ? (
                    'Adds'
                  ) : (
                    `Replaces ${formatKpiNumber(change.replaces)}`
                  )}
                </td>
              </tr>
            );
          })}
        </KpiImportTable>
      )}
      <KpiImportActions
        onClose={onClose}
        onApply={apply}
        disabled={!ready || !dryRun || busy}
        label={
          !ready
            ? 'Nothing to import'
            : `Import ${measurements.length} measurement${measurements.length === 1 ? '' : 's'}`
        }
      />
    </>
  );
}
