import { useState } from 'react';
import type { StageId } from '../../shared/index.ts';
import { useBoard, useSession } from '../board/hooks.ts';
import { useIsPhone } from '../ui/layout/viewport.ts';
import { OutlineDrafts } from '../ui/privateWriting/OutlineDrafts.tsx';
import { OrphanConnectors } from './OutlineConnectors.tsx';
import { OutlineStage, stageHeadingId } from './OutlineStage.tsx';
import { StageTabs } from './StageTabs.tsx';
import { stageInSight, useBroughtStage } from './useBroughtStage.ts';
import './listView.css';

/**
 * The whole board as an HTML document (stages, then lanes, then notes), live, for keyboards and
 * screen readers: a canvas is invisible to assistive technology. Every frequent action works here.
 * On a phone it is the list to work in: one stage at a time behind tabs, notes as cards.
 */
export function OutlineView({ readOnly }: { readOnly: boolean }) {
  const board = useBoard();
  const phone = useIsPhone();
  const session = useSession();
  const [picked, setPicked] = useState<StageId | null>(() => stageInSight(session));
  const current = board.stages.find((s) => s.id === picked) ?? board.stages[0];
  useBroughtStage((id) => {
    setPicked(id);
    const stage = board.stages.find((s) => s.id === id);
    if (stage) document.getElementById(stageHeadingId(stage))?.scrollIntoView({ block: 'start' });
  });
  return (
    <div className={phone ? 'outline outline-phone' : 'outline'} data-testid="outline">
      <div className="outline-inner">
        <h1 className="outline-title">{board.meta.title}</h1>
        <p className="muted">
          {board.stages.length} stages · {board.lanes.length} lanes · {board.notes.length} notes. Changes by others
          appear here as they happen.
        </p>
        <OutlineDrafts />
        <OrphanConnectors board={board} readOnly={readOnly} />
        {!phone && board.personas.length > 0 && (
          <section className="outline-personas" aria-labelledby="outline-personas">
            <h2 id="outline-personas">Personas</h2>
            <ul>
              {board.personas.map((p) => (
                <li key={p.id}>
                  <strong>{p.name}</strong>
                  {p.role && <>, {p.role}</>}
                  {p.quote && <q> {p.quote}</q>}
                </li>
              ))}
            </ul>
          </section>
        )}
        {phone && current ? (
          <>
            <StageTabs
              stages={board.stages}
              counts={board.stages.map((s) => board.notes.filter((n) => n.position.stageId === s.id).length)}
              current={current.id}
              onPick={setPicked}
            />
            <section
              className="outline-stage"
              role="tabpanel"
              id={`panel-${stageHeadingId(current)}`}
              aria-labelledby={`tab-${stageHeadingId(current)}`}
              data-testid="outline-stage"
              data-stage-id={current.id}
            >
              <OutlineStage
                stage={current}
                number={board.stages.indexOf(current) + 1}
                board={board}
                readOnly={readOnly}
                kpisLast
              />
            </section>
          </>
        ) : (
          <>
            <nav aria-label="Stages">
              <ol className="outline-toc">
                {board.stages.map((s) => (
                  <li key={s.id}>
                    <a href={`#${stageHeadingId(s)}`}>{s.name}</a>
                  </li>
                ))}
              </ol>
            </nav>
            {board.stages.map((s, i) => (
              <section
                key={s.id}
                className="outline-stage"
                aria-labelledby={stageHeadingId(s)}
                data-testid="outline-stage"
                data-stage-id={s.id}
              >
                <OutlineStage stage={s} number={i + 1} board={board} readOnly={readOnly} />
              </section>
            ))}
          </>
        )}
      </div>
    </div>
  );
}
