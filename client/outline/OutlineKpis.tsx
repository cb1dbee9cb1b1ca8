import { useState } from 'react';
import { formatKpiValue, kpiDetails, KPI_STATUS_STYLE, kpiStatus, type Kpi, type Stage } from '../../shared/index.ts';
import { KpiForm } from '../kpi/KpiForm.tsx';
import '../kpi/kpi.css';

/** A stage's KPIs in the outline: value, target, status and trend in words; edit and add by keyboard. */
export function OutlineKpis({ stage, kpis, readOnly }: { stage: Stage; kpis: readonly Kpi[]; readOnly: boolean }) {
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  return (
    <div className="outline-lane outline-kpis" data-testid={`outline-kpis-${stage.id}`}>
      <h3>
        KPIs <span className="muted">({kpis.length})</span>
      </h3>
      {kpis.length > 0 && (
        <ul className="stack-list" aria-label={`KPIs of ${stage.name}`}>
          {kpis.map((k) => {
            const status = kpiStatus(k);
            return (
              <li key={k.id} className="outline-kpi" data-testid="outline-kpi">
                <div className="outline-kpi-line">
                  <strong>{k.metric}</strong>
                  <span>{formatKpiValue(k)}</span>
                  <span className={`outline-kpi-badge kpi-${status}`}>
                    {KPI_STATUS_STYLE[status].icon} {KPI_STATUS_STYLE[status].label}
                  </span>
                  <span className="muted small">{kpiDetails(k).join(' · ')}</span>
                </div>
                {!readOnly &&
                  (editing === k.id ? (
                    <KpiForm
                      stageId={stage.id}
                      stageName={stage.name}
                      kpi={k}
                      onDone={() => setEditing(null)}
                      showTitle={false}
                    />
                  ) : (
                    <div className="outline-actions">
                      <button
                        type="button"
                        className="tb-button"
                        onClick={() => setEditing(k.id)}
                        aria-label={`Edit ${k.metric} in ${stage.name}`}
                      >
                        Edit
                      </button>
                    </div>
                  ))}
              </li>
            );
          })}
        </ul>
      )}
      {!readOnly &&
        (adding ? (
          <KpiForm stageId={stage.id} stageName={stage.name} kpi={null} onDone={() => setAdding(false)} />
        ) : (
          <button
            type="button"
            className="tb-button outline-add"
            onClick={() => setAdding(true)}
            aria-label={`Add KPI to ${stage.name}`}
          >
            + Add KPI
          </button>
        ))}
    </div>
  );
}
