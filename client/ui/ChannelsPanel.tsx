import { useMemo } from 'react';
import { channelKey, channelView, type Channel, type ChannelCell, type Stage } from '../../shared/index.ts';
import { useBoard, useEditor, useSession } from '../board/hooks.ts';
import { ChannelGlyph } from './ChannelGlyph.tsx';
import { ChannelListEditor } from './ChannelListEditor.tsx';
import { SidePanel } from './SidePanel.tsx';

/** A stage whose channels differ by this much mean sentiment (on −2…+2) is flagged. */
const FEELS_DIFFERENT = 2;

/**
 * Stages × channels: per cell the touchpoints, pain points and mean sentiment, so the team sees
 * where the same service feels different on phone, chat and web. A click on a channel filters the
 * board to its notes (the others dim); editors keep the channel list below.
 */
export function ChannelsPanel({ readOnly }: { readOnly: boolean }) {
  const session = useSession();
  const board = useBoard();
  const focus = useEditor((s) => s.focusChannel);
  const view = useMemo(() => channelView(board), [board]);
  const toggle = (c: Channel) => session.editor.update({ focusChannel: focus === c.id ? null : c.id });
  return (
    <SidePanel
      titleId="channels-title"
      title="Channels"
      testId="channels-panel"
      className="channels-panel"
      ownKeys
      onClose={() => session.editor.update({ panel: null, focusChannel: null })}
    >
      <p className="muted small">
        Touchpoints, pain points and mean sentiment per stage and channel. Click a channel to show only its notes.
      </p>
      <div className="coverage-scroll">
        <table className="coverage channel-view">
          <thead>
            <tr>
              <th scope="col">Stage</th>
              {view.columns.map((c) => (
                <th key={channelKey(c)} scope="col" className={c && focus === c.id ? 'highlighted' : ''}>
                  {c ? (
                    <button
                      type="button"
                      className="team-button"
                      aria-pressed={focus === c.id}
                      onClick={() => toggle(c)}
                      title={`Show only notes on ${c.name}`}
                    >
                      <ChannelGlyph icon={c.icon} />
                      {c.name}
                    </button>
                  ) : (
                    <span className="channel-none">No channel</span>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {board.stages.map((stage) => (
              <StageRow key={stage.id} stage={stage} columns={view.columns} view={view} />
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted small channel-legend">
        <span className="cell-touch">touchpoints</span> · <span className="cell-pain">pain points</span> ·{' '}
        <span className="cell-feel">mean sentiment</span> (−2 to +2) · ⚠ channels differ by {FEELS_DIFFERENT} or more
      </p>
      {!readOnly && <ChannelListEditor />}
    </SidePanel>
  );
}

function StageRow({
  stage,
  columns,
  view,
}: {
  stage: Stage;
  columns: readonly (Channel | null)[];
  view: ReturnType<typeof channelView>;
}) {
  const row = view.cells.get(stage.id);
  const spread = view.spread.get(stage.id);
  const differs = spread !== undefined && spread >= FEELS_DIFFERENT;
  return (
    <tr>
      <th scope="row" title={stage.name}>
        {stage.name}
        {differs && (
          <span className="channel-differs" role="img" aria-label={`Channels differ by ${spread} in sentiment`}>
            {' '}
            ⚠
          </span>
        )}
      </th>
      {columns.map((c) => (
        <ChannelCellView
          key={channelKey(c)}
          cell={row?.get(channelKey(c))}
          where={`${stage.name}, ${c?.name ?? 'no channel'}`}
        />
      ))}
    </tr>
  );
}

function ChannelCellView({ cell, where }: { cell: ChannelCell | undefined; where: string }) {
  if (!cell || (cell.touchpoints === 0 && cell.painPoints === 0 && cell.sentiment === null))
    return (
      <td className="zero" aria-label={`${where}: nothing`}>
        —
      </td>
    );
  const feel = cell.sentiment === null ? null : `${cell.sentiment > 0 ? '+' : ''}${cell.sentiment}`;
  const label = `${where}: ${cell.touchpoints} touchpoints, ${cell.painPoints} pain points${feel ? `, sentiment ${feel}` : ''}`;
  return (
    <td className="channel-cell" aria-label={label}>
      {cell.touchpoints > 0 && <span className="cell-touch">{cell.touchpoints}</span>}
      {cell.painPoints > 0 && <span className="cell-pain">{cell.painPoints}</span>}
      {feel && (
        <span className={`cell-feel ${cell.sentiment! < 0 ? 'low' : cell.sentiment! > 0 ? 'high' : ''}`}>{feel}</span>
      )}
    </td>
  );
}
