import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { Stage, StageId } from '../../shared/index.ts';
import { stageHeadingId } from './OutlineStage.tsx';

/** The stages as tabs across the top of the phone list (WAI-ARIA tabs: arrows move between them). */
export function StageTabs({
  stages,
  counts,
  current,
  onPick,
}: {
  stages: readonly Stage[];
  counts: readonly number[];
  current: StageId;
  onPick: (id: StageId) => void;
}) {
  const list = useRef<HTMLDivElement>(null);
  // The current tab in sight, also when the facilitator brought everyone to a stage off to the side.
  // biome-ignore lint/correctness/useExhaustiveDependencies: current is the signal: the selected tab changed
  useEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest', inline: 'center' });
  }, [current]);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const at = stages.findIndex((s) => s.id === current);
    const next = stages[(at + (e.key === 'ArrowRight' ? 1 : stages.length - 1)) % stages.length];
    if (!next) return;
    onPick(next.id);
    document.getElementById(`tab-${stageHeadingId(next)}`)?.focus();
  };
  return (
    <div className="stage-tabs" role="tablist" aria-label="Stages" ref={list} onKeyDown={onKeyDown}>
      {stages.map((s, i) => {
        const selected = s.id === current;
        return (
          <button
            key={s.id}
            type="button"
            role="tab"
            id={`tab-${stageHeadingId(s)}`}
            aria-selected={selected}
            aria-controls={selected ? `panel-${stageHeadingId(s)}` : undefined}
            tabIndex={selected ? 0 : -1}
            className="stage-tab"
            onClick={() => onPick(s.id)}
            data-testid="stage-tab"
          >
            <span className="stage-tab-number">{i + 1}</span>
            {s.name}
            <span className="stage-tab-count">{counts[i] ?? 0}</span>
          </button>
        );
      })}
    </div>
  );
}
