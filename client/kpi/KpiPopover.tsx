import { lazy, useEffect, useState } from 'react';
import { describeKpi } from '../../shared/index.ts';
import { useBoard, useEditor, useSession } from '../board/hooks.ts';
import { Deferred } from '../ui/deferred.tsx';
import { screenRect } from '../ui/overlayPosition.ts';
import { KpiForm } from './KpiForm.tsx';
import './kpi.css';

// The chart's uPlot (51 kB) is not in the script a board waits for; sw.js keeps the chunk offline.
const KpiHistoryDialog = lazy(() => import('./KpiHistoryDialog.tsx').then((m) => ({ default: m.KpiHistoryDialog })));

const WIDTH = 340;

/** The editor of the KPI card clicked on the canvas (or of a new KPI in a stage), placed under it. */
export function KpiPopover({ readOnly }: { readOnly: boolean }) {
  const session = useSession();
  const board = useBoard();
  const target = useEditor((s) => s.kpiEditor);
  const camera = useEditor((s) => s.camera);
  const viewport = useEditor((s) => s.viewport);
  const [history, setHistory] = useState(false);
  // Escape closes it wherever the focus is (a click on the canvas leaves the focus on the page).
  useEffect(() => {
    setHistory(false);
    if (!target) return;
    const listeners = new AbortController();
    window.addEventListener('keydown', (e) => e.key === 'Escape' && session.editor.update({ kpiEditor: null }), {
      signal: listeners.signal,
    });
    return () => listeners.abort();
  }, [target, session]);
  if (!target) return null;
  const stage = board.stages.find((s) => s.id === target.stageId);
  const kpi = target.kpiId ? (board.kpis.find((k) => k.id === target.kpiId) ?? null) : null;
  if (!stage || (target.kpiId && !kpi) || (readOnly && !kpi)) return null;
  const layout = session.layouts.layoutFor(board);
  const box = kpi ? layout.kpis.get(kpi.id) : undefined;
  const stageBox = layout.stages.find((s) => s.id === stage.id)!;
  const anchor = screenRect(
    camera,
    box ?? { x: stageBox.x, y: layout.kpiRow.y, width: stageBox.width, height: layout.kpiRow.height },
  );
  const left = Math.max(8, Math.min(anchor.x, viewport.width - WIDTH - 8));
  // Below the card when it fits, else above it (the KPI row is often near the bottom of the view).
  const below = anchor.y + anchor.height + 8;
  const style =
    below + 330 < viewport.height
      ? { left, top: below }
      : { left, bottom: Math.max(8, viewport.height - anchor.y + 8) };
  const close = () => session.editor.update({ kpiEditor: null });
  const popover = (
    <div
      className="kpi-popover"
      style={{ ...style, width: WIDTH }}
      data-testid="kpi-popover"
      onPointerDown={(e) => e.stopPropagation()}
      role="dialog"
      aria-label={kpi ? `KPI ${kpi.metric} in ${stage.name}` : `Add a KPI to ${stage.name}`}
    >
      {readOnly && kpi ? (
        <>
          <p className="kpi-form-title">
            <strong>{kpi.metric}</strong> <span className="muted">in {stage.name}</span>
          </p>
          <p className="small">{describeKpi(kpi)}</p>
          <button type="button" className="btn" onClick={close}>
            Close
          </button>
        </>
      ) : (
        <KpiForm
          key={kpi?.id ?? `new-${stage.id}`}
          stageId={stage.id}
          stageName={stage.name}
          kpi={kpi}
          onDone={close}
        />
      )}
      {kpi && (
        <button
          type="button"
          className="link-button kpi-history-open"
          data-testid="kpi-history-open"
          onClick={() => setHistory(true)}
        >
          {kpi.measuredAt ? `Measurements, latest ${kpi.measuredAt}…` : 'Measurements…'}
        </button>
      )}
    </div>
  );
  // Beside the popover, not in it: the popover is a stacking context under the board's bars.
  return (
    <>
      {popover}
      {kpi && history && (
        <div className="kpi-history-layer" onPointerDown={(e) => e.stopPropagation()}>
          <Deferred>
            <KpiHistoryDialog kpi={kpi} stageName={stage.name} onClose={() => setHistory(false)} />
          </Deferred>
        </div>
      )}
    </>
  );
}
