import { useEffect, useRef, useState } from 'react';
import {
  formatKpiValue,
  KPI_STATUS_STYLE,
  KPI_TREND_ICON,
  kpiCsvExample,
  kpiStatus,
  kpiTrend,
} from '../../shared/index.ts';
import { useBoard, useSession } from '../board/hooks.ts';
import { KpiImportDialog } from './KpiImportDialog.tsx';
import { CsvFileInput, type PickedCsv } from './CsvFileInput.tsx';
import { EvidenceActions } from './EvidenceActions.tsx';
import { openKpiEditor } from './revealKpi.ts';

const MAX_CSV_BYTES = 512 * 1024;
const DATED_HELP =
  'Add a date column (2026-03-14, 2026-03 or 2026-Q1; optional: sample_size, source) to import a history: one row per KPI and date, a date imported again replaces its value.';
import './kpi.css';
import { SidePanel } from '../ui/SidePanel.tsx';
import { Segmented } from '../ui/Segmented.tsx';
import { ColumnHeads } from '../ui/ColumnHeads.tsx';
import { JourneyHealth } from './JourneyHealth.tsx';

/** Every stage's KPIs in one table, with CSV import (a row opens the card's editor), or their health. */
export function KpiPanel({ readOnly }: { readOnly: boolean }) {
  const session = useSession();
  const [view, setView] = useState<'kpis' | 'health'>('kpis');
  return (
    <SidePanel
      titleId="kpis-title"
      title="Stage KPIs"
      testId="kpi-panel"
      onClose={() => session.editor.update({ panel: null })}
    >
      <Segmented
        label="Show"
        className="kpi-view-switch"
        value={view}
        onChange={setView}
        options={[
          { value: 'kpis', label: 'KPIs' },
          { value: 'health', label: 'Journey health', testId: 'kpi-view-health' },
        ]}
      />
      {view === 'health' ? <JourneyHealth /> : <KpiList readOnly={readOnly} />}
    </SidePanel>
  );
}

function KpiList({ readOnly }: { readOnly: boolean }) {
  const session = useSession();
  const board = useBoard();
  const file = useRef<HTMLInputElement>(null);
  const [importing, setImporting] = useState<PickedCsv | null>(null);
  useEffect(() => session.editor.update({ kpiEditor: null }), [session]);
  const example = `data:text/csv;charset=utf-8,${encodeURIComponent(kpiCsvExample(board))}`;
  return (
    <>
      <p className="muted small">
        Metrics per stage against their targets. Click a card in the KPI row (or double-click an empty stage there) to
        edit or add one.
        {!readOnly && (
          <>
            {' '}
            Import a CSV file with the columns <code>stage,metric,value,target</code> (optional: <code>unit</code>,{' '}
            <code>previous</code>, <code>direction</code>, <code>trend</code>); you see every row before it is applied.{' '}
            {DATED_HELP}
          </>
        )}
      </p>
      {!readOnly && (
        <div className="panel-row kpi-panel-actions">
          <button type="button" className="btn primary" data-testid="kpi-import" onClick={() => file.current?.click()}>
            Import CSV…
          </button>
          <a className="btn ghost" href={example} download="kpis-example.csv">
            Example file
          </a>
          {/* 500 rows of KPIs fit in a few kilobytes; a bigger file is not a KPI sheet. */}
          <CsvFileInput
            ref={file}
            data-testid="kpi-import-file"
            label="KPI CSV file"
            maxBytes={MAX_CSV_BYTES}
            tooLarge={(f) =>
              `${f.name} is ${Math.round(f.size / 1024)} KB; a KPI file is at most ${MAX_CSV_BYTES / 1024} KB.`
            }
            onCsv={setImporting}
          />
        </div>
      )}
      <EvidenceActions readOnly={readOnly} />
      <div className="kpi-table-wrap">
        {board.kpis.length === 0 ? (
          <p className="muted small">No KPIs yet.</p>
        ) : (
          <table className="kpi-table" data-testid="kpi-table">
            <ColumnHeads columns={['Stage', 'Metric', 'Value', 'Target', 'Status']} />
            <tbody>
              {board.stages.flatMap((s) =>
                (board.kpisByStage.get(s.id) ?? []).map((k, i) => {
                  const status = kpiStatus(k);
                  const trend = kpiTrend(k);
                  return (
                    <tr key={k.id}>
                      <td>{i === 0 ? s.name : ''}</td>
                      <td>
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => openKpiEditor(session, s.id, k.id)}
                          title="Show and edit it on the board"
                        >
                          {k.metric}
                        </button>
                      </td>
                      <td>
                        {formatKpiValue(k)}{' '}
                        {trend && (
                          <span role="img" aria-label={`trend ${trend}`}>
                            {KPI_TREND_ICON[trend]}
                          </span>
                        )}
                      </td>
                      <td>{k.target === null ? '—' : formatKpiValue({ value: k.target, unit: k.unit })}</td>
                      <td className={`kpi-${status}`}>
                        {KPI_STATUS_STYLE[status].icon} {KPI_STATUS_STYLE[status].label}
                      </td>
                    </tr>
                  );
                }),
              )}
            </tbody>
          </table>
        )}
      </div>
      {importing && (
        <KpiImportDialog fileName={importing.name} text={importing.text} onClose={() => setImporting(null)} />
      )}
    </>
  );
}
