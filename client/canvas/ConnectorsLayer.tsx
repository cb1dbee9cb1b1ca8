import { memo } from 'react';
import { Arrow, Circle, Group, Label, Line, Rect, Tag } from 'react-konva';
import { type Connector, type ConnectorId, type ConnectorKind, formatShare } from '../../shared/index.ts';
import type { ConnectorRoute } from '../geometry/connectorRoutes.ts';
import { expand, type Point, type Rect as R } from '../geometry/geometry.ts';
import { THEME } from './theme.ts';
import { BoardText } from './BoardText.tsx';

/**
 * How each type looks: the line style and the end marker tell them apart, colour only helps.
 * A drop-out ends in a bar (the journey stops there), the others in an arrowhead.
 */
const CONNECTOR_STYLE: Record<ConnectorKind, { colour: string; dash?: number[]; end: 'arrow' | 'bar' }> = {
  'next-step': { colour: '#334155', end: 'arrow' },
  alternative: { colour: '#1d4ed8', dash: [10, 6], end: 'arrow' },
  'drop-out': { colour: '#b91c1c', end: 'bar' },
  'loop-back': { colour: '#7e22ce', dash: [2, 5], end: 'arrow' },
};

interface Props {
  /** The routes in or near the drawn area (culled like notes). */
  readonly routes: readonly ConnectorRoute[];
  readonly byId: ReadonlyMap<ConnectorId, Connector>;
  readonly selected: ConnectorId | null;
  /** A connector being drawn: from the handle to the pointer, and the note it would connect to. */
  readonly drawing: { readonly from: Point; readonly to: Point; readonly target: R | null } | null;
  /** Below this zoom labels are unreadable: lines only. */
  readonly showLabels: boolean;
  /** Paths shown from a start note: their connectors stand out, the others fade; loops and drop-outs are marked. */
  readonly paths?: PathMarks | null;
}

export interface PathMarks {
  readonly connectorIds: ReadonlySet<ConnectorId>;
  readonly loopConnectorIds: ReadonlySet<ConnectorId>;
  /** Where customers leave: the notes drop-outs on the shown paths lead to. */
  readonly dropOuts: readonly R[];
}

const PATH_GLOW = 'rgba(245, 158, 11, 0.45)';

export const ConnectorsLayer = memo(function ConnectorsLayer({
  routes,
  byId,
  selected,
  drawing,
  showLabels,
  paths = null,
}: Props) {
  return (
    <Group listening={false} name="connectors">
      {routes.map((r) => {
        const c = byId.get(r.id);
        const onPath = paths?.connectorIds.has(r.id) ?? false;
        return c ? (
          <Group key={r.id} opacity={paths && !onPath ? 0.2 : 1}>
            {onPath && (
              <Line points={r.points.flatMap((p) => [p.x, p.y])} stroke={PATH_GLOW} strokeWidth={12} lineJoin="round" />
            )}
            <ConnectorShape route={r} connector={c} selected={r.id === selected} showLabel={showLabels} />
            {paths?.loopConnectorIds.has(r.id) && <PathTag at={r.labelAt} text="↺ Loop" colour="#7e22ce" />}
          </Group>
        ) : null;
      })}
      {paths?.dropOuts.map((rect) => (
        <Group key={`${rect.x},${rect.y}`} name="path-drop-out">
          <Rect {...expand(rect, 6)} stroke="#b91c1c" strokeWidth={3} dash={[8, 5]} cornerRadius={8} />
          <PathTag at={{ x: rect.x + rect.width / 2, y: rect.y - 14 }} text="✕ Drop-out" colour="#b91c1c" />
        </Group>
      ))}
      {drawing && (
        <Group name="connector-draft">
          {drawing.target && (
            <Rect {...drawing.target} stroke={THEME.selection} strokeWidth={3} cornerRadius={6} fill={THEME.dropFill} />
          )}
          <Arrow
            points={[drawing.from.x, drawing.from.y, drawing.to.x, drawing.to.y]}
            stroke={THEME.selection}
            fill={THEME.selection}
            strokeWidth={2}
            dash={[6, 4]}
            pointerLength={9}
            pointerWidth={9}
          />
        </Group>
      )}
    </Group>
  );
});

function ConnectorShape({
  route,
  connector,
  selected,
  showLabel,
}: {
  route: ConnectorRoute;
  connector: Connector;
  selected: boolean;
  showLabel: boolean;
}) {
  const points = route.points.flatMap((p) => [p.x, p.y]);
  if (route.loose) return <OrphanStub route={route} connector={connector} points={points} selected={selected} />;
  const style = CONNECTOR_STYLE[connector.kind];
  const end = route.points.at(-1)!;
  const before = route.points.at(-2)!;
  const text = [connector.label, connector.share !== null ? formatShare(connector.share) : '']
    .filter(Boolean)
    .join(' · ');
  return (
    <Group name={`connector connector-${connector.kind}`} id={connector.id}>
      {selected && <Line points={points} stroke="rgba(37, 99, 235, 0.28)" strokeWidth={10} lineJoin="round" />}
      {style.end === 'arrow' ? (
        <Arrow
          points={points}
          stroke={style.colour}
          fill={style.colour}
          strokeWidth={selected ? 3 : 2}
          dash={style.dash}
          pointerLength={10}
          pointerWidth={10}
          lineJoin="round"
        />
      ) : (
        <>
          <Line
            points={points}
            stroke={style.colour}
            strokeWidth={selected ? 3 : 2}
            dash={style.dash}
            lineJoin="round"
          />
          <Line points={endBar(before, end)} stroke={style.colour} strokeWidth={3} />
        </>
      )}
      {showLabel && text && (
        // Centred on the path by an estimated width (Konva measures text only once drawn).
        <Label
          x={route.labelAt.x}
          y={route.labelAt.y}
          offsetX={(text.length * 6.4 + 8) / 2}
          offsetY={11}
          name="connector-label"
        >
          <Tag fill="#ffffff" stroke={style.colour} strokeWidth={1} cornerRadius={4} />
          <BoardText text={text} fontSize={12} padding={4} />
        </Label>
      )}
    </Group>
  );
}

const ORPHAN_COLOUR = '#64748b';

/**
 * An orphan (its other note was deleted meanwhile): a grey dashed stub out of the note that is
 * left, ending in an open ring where the missing note was joined, until someone reconnects or
 * deletes it.
 */
function OrphanStub({
  route,
  connector,
  points,
  selected,
}: {
  route: ConnectorRoute;
  connector: Connector;
  points: number[];
  selected: boolean;
}) {
  const loose = route.loose === 'to' ? route.points.at(-1)! : route.points[0]!;
  return (
    <Group name="connector connector-orphan" id={connector.id}>
      {selected && <Line points={points} stroke="rgba(37, 99, 235, 0.28)" strokeWidth={10} lineJoin="round" />}
      <Line points={points} stroke={ORPHAN_COLOUR} strokeWidth={selected ? 3 : 2} dash={[5, 4]} />
      <Circle x={loose.x} y={loose.y} radius={6} stroke={ORPHAN_COLOUR} strokeWidth={2} fill="#ffffff" />
    </Group>
  );
}

/** A short bar across the end of the last segment: a drop-out stops there. */
function endBar(before: Point, end: Point): number[] {
  const half = 8;
  return before.x === end.x ? [end.x - half, end.y, end.x + half, end.y] : [end.x, end.y - half, end.x, end.y + half];
}

function PathTag({ at, text, colour }: { at: Point; text: string; colour: string }) {
  return (
    <Label x={at.x} y={at.y} offsetX={(text.length * 6.6 + 8) / 2} offsetY={11} name="path-mark">
      <Tag fill={colour} cornerRadius={4} />
      <BoardText text={text} fontSize={12} padding={4} fill="#ffffff" />
    </Label>
  );
}
