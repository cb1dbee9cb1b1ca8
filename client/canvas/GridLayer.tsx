import { memo } from 'react';
import { Group, Rect } from 'react-konva';
import { cellKey, NOTE_KIND_STYLE, type BoardSnapshot } from '../../shared/index.ts';
import { HEADER_H, LABEL_W, type BoardLayout } from '../geometry/layout.ts';
import { KpiRowBackground } from './KpiLayer.tsx';
import { slateShadow, THEME } from './theme.ts';
import { AddHint } from './AddHint.tsx';
import { BoardText } from './BoardText.tsx';

const STAGE_ACCENTS = ['#6366f1', '#0ea5e9', '#10b981', '#f59e0b', '#ec4899', '#8b5cf6', '#14b8a6', '#ef4444'];

interface Props {
  readonly board: BoardSnapshot;
  readonly layout: BoardLayout;
  readonly selectedHeader: string | null;
  readonly showHints: boolean;
}

/** Stage headers, lane labels and cells. Static: redrawn only when the board's shape changes. */
export const GridLayer = memo(function GridLayer({ board, layout, selectedHeader, showHints }: Props) {
  const right = layout.stages.at(-1) ? layout.stages.at(-1)!.x + layout.stages.at(-1)!.width : LABEL_W;
  const bottom = layout.kpiRow.y + layout.kpiRow.height;
  return (
    <Group listening={false} name="grid">
      <Rect
        x={-1}
        y={-1}
        width={right + 2}
        height={bottom + 2}
        fill={THEME.panel}
        cornerRadius={12}
        {...slateShadow(0.08, 16, 4)}
      />
      {layout.lanes.map((l, li) => {
        const lane = board.lanes[li]!;
        const kind = NOTE_KIND_STYLE[lane.kind];
        const selected = selectedHeader === lane.id;
        return (
          <Group key={l.id} id={l.id} name="lane">
            <Rect x={LABEL_W} y={l.y} width={right - LABEL_W} height={l.height} fill={kind.colour} opacity={0.16} />
            <Rect x={0} y={l.y} width={LABEL_W} height={l.height} fill={selected ? '#eef2ff' : THEME.headerFill} />
            <Rect x={0} y={l.y} width={5} height={l.height} fill={kind.colour} />
            <BoardText
              x={18}
              y={l.y + 16}
              width={LABEL_W - 30}
              text={lane.name}
              fontSize={15}
              fontStyle="bold"
              wrap="word"
              ellipsis
              height={Math.max(20, l.height - 48)}
            />
            <BoardText
              x={18}
              y={l.y + l.height - 28}
              width={LABEL_W - 30}
              text={`${kind.icon} ${kind.label}`}
              fontSize={11}
              fill={THEME.inkSoft}
              oneLine
            />
            <Rect x={0} y={l.y + l.height - 0.5} width={right} height={1} fill={THEME.grid} />
            {selected && (
              <Rect
                x={1}
                y={l.y + 1}
                width={LABEL_W - 2}
                height={l.height - 2}
                stroke={THEME.selection}
                strokeWidth={2}
              />
            )}
          </Group>
        );
      })}
      <KpiRowBackground board={board} layout={layout} right={right} showHints={showHints} />
      {layout.stages.map((s, si) => {
        const stage = board.stages[si]!;
        const accent = STAGE_ACCENTS[si % STAGE_ACCENTS.length]!;
        const count = layout.lanes.reduce((n, l) => n + (board.cells.get(cellKey(s.id, l.id))?.length ?? 0), 0);
        const selected = selectedHeader === s.id;
        return (
          <Group key={s.id} id={s.id} name="stage">
            <Rect x={s.x} y={0} width={s.width} height={HEADER_H} fill={selected ? '#eef2ff' : THEME.headerFill} />
            <Rect x={s.x + 14} y={14} width={28} height={28} cornerRadius={8} fill={accent} />
            <BoardText
              x={s.x + 14}
              y={14}
              width={28}
              height={28}
              text={String(si + 1)}
              align="center"
              verticalAlign="middle"
              fontSize={14}
              fontStyle="bold"
              fill="#fff"
            />
            <BoardText
              x={s.x + 52}
              y={15}
              width={s.width - 66}
              text={stage.name}
              fontSize={17}
              fontStyle="bold"
              oneLine
            />
            <BoardText
              x={s.x + 52}
              y={38}
              width={s.width - 66}
              text={stage.description || `${count} note${count === 1 ? '' : 's'}`}
              fontSize={12}
              fill={THEME.inkSoft}
              oneLine
            />
            <Rect x={s.x} y={HEADER_H - 3} width={s.width} height={3} fill={accent} />
            <Rect x={s.x - 0.5} y={0} width={1} height={bottom} fill={THEME.grid} />
            {selected && (
              <Rect
                x={s.x + 1}
                y={1}
                width={s.width - 2}
                height={HEADER_H - 2}
                stroke={THEME.selection}
                strokeWidth={2}
              />
            )}
            {showHints &&
              layout.lanes.map((l) =>
                !layout.emptyCells.has(cellKey(s.id, l.id)) ? null : (
                  <AddHint key={l.id} box={{ x: s.x, y: l.y, width: s.width, height: l.height }} what="a note" />
                ),
              )}
          </Group>
        );
      })}
      <Rect x={0} y={HEADER_H - 0.5} width={right} height={1} fill={THEME.gridStrong} />
      <Rect x={LABEL_W - 0.5} y={0} width={1} height={bottom} fill={THEME.gridStrong} />
      <BoardText
        x={18}
        y={HEADER_H / 2 - 8}
        text="Journey"
        fontSize={13}
        fontStyle="bold"
        fill={THEME.inkFaint}
        letterSpacing={1}
      />
      {layout.orphanStrip && (
        <Group>
          <Rect {...layout.orphanStrip} fill="#fff7ed" stroke="#fdba74" dash={[6, 4]} cornerRadius={10} />
          <BoardText
            x={layout.orphanStrip.x}
            y={layout.orphanStrip.y - 20}
            text="Notes whose stage or lane was removed — drag them into a cell"
            fontSize={12}
            fill="#9a3412"
          />
        </Group>
      )}
    </Group>
  );
});
