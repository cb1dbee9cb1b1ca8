import { useEffect, useMemo, useState } from 'react';
import { formatKpiValue, type Kpi, type KpiMeasurement } from '../../shared/index.ts';
import { KpiMeasurementsApi } from '../api/kpiMeasurements.ts';
import { useSession } from '../board/hooks.ts';
import { sparkline } from '../geometry/sparkline.ts';
import { Dialog } from '../ui/Dialog.tsx';

const CHART = { x: 4, y: 6, width: 312, height: 64 } as const;

/**
 * A KPI's measurements: its whole series, read from the server (the board holds only the latest
 * points), as a sparkline with the target and a table, newest first. Read again whenever the
 * board's mirror of the series changes, so an import by someone else shows up here too.
 */
export function KpiHistoryDialog({ kpi, stageName, onClose }: { kpi: Kpi; stageName: string; onClose: () => void }) {
  const session = useSession();
  const api = useMemo(() => new KpiMeasurementsApi(session.boardId, () => session.token), [session]);
  const [series, setSeries] = useState<readonly KpiMeasurement[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const changed = `${kpi.measuredAt}|${kpi.recent.map((p) => p.value).join(',')}`;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `changed` is the signal that the series changed on the server
  useEffect(() => {
    let live = true;
    api.list(kpi.id).then(
      (s) => {
        if (!live) return;
        setSeries(s);
        setError(null);
      },
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [api, kpi.id, changed]);

  const unit = (value: number) => formatKpiValue({ value, unit: kpi.unit });
  return (
    <Dialog title={`${kpi.metric} in ${stageName}`} onClose={onClose} className="kpi-history">
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!series && !error && <p className="muted small">Loading the measurements…</p>}
      {series && series.length === 0 && (
        <p className="muted small" data-testid="kpi-history-empty">
          No measurements yet. Import a CSV file with a <code>date</code> column from the KPI panel to start a series.
        </p>
      )}
      {series && series.length > 0 && (
        <>
          <SeriesChart series={series} target={kpi.target} format={unit} />
          <div className="kpi-import-table-wrap">
            <table className="kpi-import-table" data-testid="kpi-history-table">
              <caption className="sr-only">Measurements of {kpi.metric}, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Value</th>
                  <th scope="col">Sample</th>
                  <th scope="col">Source</th>
                </tr>
              </thead>
              <tbody>
                {[...series].reverse().map((m) => (
                  <tr key={m.period}>
                    <td>{m.period}</td>
                    <td>{unit(m.value)}</td>
                    <td>{m.sampleSize ?? '—'}</td>
                    <td>{m.source ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}

/** The whole series as a line, the target dashed; its words for screen readers say the same. */
function SeriesChart({
  series,
  target,
  format,
}: {
  series: readonly KpiMeasurement[];
  target: number | null;
  format: (value: number) => string;
}) {
  const shape = sparkline(
    series.map((m) => m.value),
    target,
    CHART,
  );
  const first = series[0]!;
  const last = series.at(-1)!;
  const label = `${series.length} measurements from ${format(first.value)} on ${first.period} to ${format(last.value)} on ${last.period}${target === null ? '' : `; target ${format(target)}`}`;
  const points = [];
  for (let i = 0; i < shape.points.length; i += 2) points.push(`${shape.points[i]},${shape.points[i + 1]}`);
  return (
    <svg
      className="kpi-history-chart"
      viewBox={`0 0 ${CHART.width + 2 * CHART.x} ${CHART.height + 2 * CHART.y}`}
      role="img"
      aria-label={label}
      data-testid="kpi-history-chart"
    >
      {shape.targetY !== null && (
        <line
          x1={CHART.x}
          x2={CHART.x + CHART.width}
          y1={shape.targetY}
          y2={shape.targetY}
          className="kpi-history-target"
        />
      )}
      <polyline points={points.join(' ')} className="kpi-history-line" />
      {shape.last && <circle cx={shape.last.x} cy={shape.last.y} r={3} className="kpi-history-dot" />}
    </svg>
  );
}
