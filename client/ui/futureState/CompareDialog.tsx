import { useEffect, useState } from 'react';
import type { ComparedPain, StageComparison, StateComparison, TouchpointSide } from '../../../shared/index.ts';
import { comparisonMarkdownPath, fetchComparison } from '../../api/futureState.ts';
import { useSession } from '../../board/hooks.ts';
import { comparePdf } from '../../exports/comparePdf.ts';
import { downloadFromApi, saveBlob } from '../../exports/downloads.ts';
import { Dialog } from '../Dialog.tsx';
import { ErrorLine } from '../ErrorLine.tsx';
import { pairedBoardHref } from './boardHref.ts';
import { ColumnHeads } from '../ColumnHeads.tsx';
import './futureState.css';

/**
 * The compare view: per stage, the pain points the future state removes, keeps and adds, the
 * touchpoints and channels that change, and both boards' KPI targets (the server's
 * compareStates, read fresh each time it opens). Downloads as Markdown (the server's) and PDF.
 */
export function CompareDialog({ onClose }: { onClose: () => void }) {
  const session = useSession();
  const [compare, setCompare] = useState<StateComparison | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    fetchComparison(session.boardId, session.token).then(
      (c) => live && setCompare(c),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [session]);
  const download = (what: () => Promise<unknown>) => what().catch((e: Error) => setError(e.message));
  return (
    <Dialog title="Current and future state" onClose={onClose} className="compare-dialog">
      {compare && (
        <>
          <p className="compare-summary" data-testid="compare-totals">
            <strong>{compare.current.title}</strong> → <strong>{compare.future.title}</strong>: pain points{' '}
            {compare.totals.painsRemoved} removed, {compare.totals.painsKept} kept, {compare.totals.painsAdded} added;{' '}
            {compare.totals.touchpointsChanged} touchpoints changed. {(() => {
              const other = compare.future.id === session.boardId ? compare.current : compare.future;
              return (
                <a href={pairedBoardHref(other.id, session.token)} data-testid="compare-open-other">
                  Open “{other.title}”
                </a>
              );
            })()}
          </p>
          {/* Scrolls on its own, so it takes the focus: keyboard users scroll it too. */}
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (axe scrollable-region-focusable) */}
          <section className="compare-stages" aria-label="Stages compared" tabIndex={0}>
            {compare.stages.map((stage) => (
              <StageSection key={stage.stageId} stage={stage} />
            ))}
          </section>
        </>
      )}
      {!compare && !error && <p aria-live="polite">Comparing…</p>}
      <ErrorLine error={error} />
      <div className="dialog-actions">
        <button
          type="button"
          className="btn"
          disabled={!compare}
          onClick={() => download(() => downloadFromApi(comparisonMarkdownPath(session.boardId), session.token))}
          data-testid="compare-markdown"
        >
          Download Markdown
        </button>
        <button
          type="button"
          className="btn"
          disabled={!compare}
          onClick={() =>
            download(async () => saveBlob(await comparePdf(compare!, new Date()), 'current-and-future-state.pdf'))
          }
          data-testid="compare-pdf"
        >
          Download PDF
        </button>
        <button type="button" className="btn primary" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}

const ON_LABEL: Record<StageComparison['on'], string | null> = {
  both: null,
  current: 'removed in the future',
  future: 'new in the future',
};

function StageSection({ stage }: { stage: StageComparison }) {
  const { removed, kept, added } = stage.pains;
  const { channels } = stage;
  return (
    <section className="compare-stage" data-testid="compare-stage" aria-label={stage.name}>
      <h3>
        {stage.name}
        {ON_LABEL[stage.on] && <span className="compare-on"> ({ON_LABEL[stage.on]})</span>}
      </h3>
      <div className="compare-pains">
        <PainList title="Removed" pains={removed} tone="removed" />
        <PainList title="Kept" pains={kept} tone="kept" />
        <PainList title="Added" pains={added} tone="added" />
      </div>
      {stage.touchpoints.length > 0 && (
        <>
          <h4>Touchpoints that change</h4>
          <ul className="compare-touchpoints">
            {stage.touchpoints.map((t) => (
              <li key={t.id}>
                <span className="compare-change">{t.change}</span> <Side side={t.before} /> → <Side side={t.after} />
              </li>
            ))}
          </ul>
        </>
      )}
      {channels.added.length + channels.dropped.length > 0 && (
        <p className="compare-channels">
          Channels: {channels.current.join(', ') || 'none'} → {channels.future.join(', ') || 'none'}
        </p>
      )}
      {stage.kpis.length > 0 && (
        <table className="compare-kpis">
          <caption>KPI targets</caption>
          <ColumnHeads columns={['KPI', 'Current value', 'Current target', 'Future target']} />
          <tbody>
            {stage.kpis.map((k) => (
              <tr key={k.id}>
                <th scope="row">{k.metric}</th>
                <td>{amount(k.current?.value, k.unit)}</td>
                <td>{amount(k.current?.target, k.unit)}</td>
                <td>{amount(k.future?.target, k.unit)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function PainList({ title, pains, tone }: { title: string; pains: readonly ComparedPain[]; tone: string }) {
  return (
    <div className={`compare-pain-list ${tone}`}>
      <h4>
        {title} ({pains.length})
      </h4>
      {pains.length === 0 ? (
        <p className="compare-none">none</p>
      ) : (
        <ul>
          {pains.map((p) => (
            <li key={p.id}>
              {p.text || '(empty)'}
              {p.before !== null && <span className="compare-before"> (was “{p.before}”)</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Side({ side }: { side: TouchpointSide | null }) {
  if (!side) return <span className="compare-none">—</span>;
  return (
    <span>
      “{side.text || '(empty)'}”{side.channel && <span className="compare-channel"> · {side.channel}</span>}
    </span>
  );
}

const amount = (n: number | null | undefined, unit: string) => (n === null || n === undefined ? '—' : `${n}${unit}`);
