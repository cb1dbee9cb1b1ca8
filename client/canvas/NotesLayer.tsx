import { memo, useMemo } from 'react';
import { Group, Shape } from 'react-konva';
import {
  noteColour,
  type Channel,
  type ChannelId,
  type Department,
  type Note,
  type NoteId,
  type Persona,
  type PersonaId,
} from '../../shared/index.ts';
import type { BoardLayout } from '../geometry/layout.ts';
import { FULL_LABEL_WIDTH } from '../geometry/noteBadges.ts';
import { BlittedNotes, type PlacedNote } from './BlittedNotes.tsx';
import type { NoteLook } from './shapes/noteNode.ts';

/** Below this zoom a note's text is unreadable anyway: draw plain coloured cards instead. */
export const DETAIL_SCALE = 0.4;

interface Props {
  /** Only the notes in or near the viewport, without the ones being dragged. */
  readonly notes: readonly Note[];
  readonly layout: BoardLayout;
  readonly detailed: boolean;
  /** Notes whose kind label is cut short to make room for their badges (noteBadges.ts). */
  readonly labelWidths?: ReadonlyMap<string, number>;
  /** Board colours of the people present (usePeopleColours); absent authors keep their hash colour. */
  readonly authorColours?: ReadonlyMap<string, string>;
  /** When set, notes of other departments are dimmed. */
  readonly highlight: Department | null;
  /** When set, notes not about this persona are dimmed. */
  readonly focusPersona: PersonaId | null;
  readonly personas: readonly Persona[];
  /** When set, notes on other channels (or none) are dimmed. */
  readonly focusChannel: ChannelId | null;
  readonly channels: readonly Channel[];
  /** While paths from a start note are shown, notes off them are dimmed. */
  readonly onPath?: ReadonlySet<NoteId> | null;
  /** Bitmap resolution for the notes: device pixels per board unit, bucketed to powers of two (cacheRatioFor). */
  readonly cacheRatio: number;
}

const DIMMED = 0.18;

export const NotesLayer = memo(function NotesLayer({
  notes,
  layout,
  detailed,
  labelWidths,
  authorColours,
  highlight,
  focusPersona,
  personas,
  focusChannel,
  channels,
  onPath = null,
  cacheRatio,
}: Props) {
  const dimmed = (n: Note) =>
    (highlight !== null && n.department !== highlight) ||
    (focusPersona !== null && !n.personaIds.includes(focusPersona)) ||
    (focusChannel !== null && n.channelId !== focusChannel) ||
    (onPath !== null && !onPath.has(n.id));
  // biome-ignore lint/correctness/useExhaustiveDependencies: dimmed reads the focus props listed here
  const placed = useMemo(() => {
    if (!detailed) return [];
    const colours = new Map(personas.map((p) => [p.id, p.colour]));
    const icons = new Map(channels.map((c) => [c.id, c.icon]));
    const out: PlacedNote[] = [];
    for (const n of notes) {
      const r = layout.notes.get(n.id);
      if (!r) continue;
      const look: NoteLook = {
        note: n,
        labelWidth: labelWidths?.get(n.id) ?? FULL_LABEL_WIDTH,
        authorColour: authorColours?.get(n.authorId),
        personaColours: n.personaIds.map((id) => colours.get(id) ?? '#9ca3af'),
        channelIcon: n.channelId ? icons.get(n.channelId) : undefined,
      };
      out.push({ look, x: r.x, y: r.y, opacity: dimmed(n) ? DIMMED : 1 });
    }
    return out;
  }, [
    detailed,
    notes,
    layout,
    labelWidths,
    authorColours,
    personas,
    channels,
    highlight,
    focusPersona,
    focusChannel,
    onPath,
  ]);
  return (
    <Group listening={false} name="notes">
      {detailed ? (
        <BlittedNotes notes={placed} ratio={cacheRatio} />
      ) : (
        <NoteCards notes={notes} layout={layout} dimmed={dimmed} />
      )}
    </Group>
  );
});

/**
 * Zoomed out, thousands of notes are one shape with one draw loop: a Konva node per note would
 * cost more than the pixels it paints (~1 s a frame for 4,700 notes at 10 %, docs/performance.md).
 */
function NoteCards({
  notes,
  layout,
  dimmed,
}: {
  notes: readonly Note[];
  layout: BoardLayout;
  dimmed: (n: Note) => boolean;
}) {
  return (
    <Shape
      name="note-cards"
      listening={false}
      perfectDrawEnabled={false}
      sceneFunc={(ctx) => {
        const c = ctx._context;
        for (const n of notes) {
          const r = layout.notes.get(n.id);
          if (!r) continue;
          c.globalAlpha = dimmed(n) ? DIMMED : 1;
          c.fillStyle = noteColour(n);
          c.fillRect(r.x, r.y, r.width, r.height);
          c.fillStyle = 'rgba(31,36,48,0.28)';
          c.fillRect(r.x + 12, r.y + 30, r.width * 0.7, 8);
          c.fillRect(r.x + 12, r.y + 46, r.width * 0.5, 8);
        }
        c.globalAlpha = 1;
      }}
    />
  );
}

/** Cached bitmaps stay sharp: the smallest power of two at or above the device pixels per unit. */
export function cacheRatioFor(scale: number, devicePixelRatio: number): number {
  return 2 ** Math.ceil(Math.log2(Math.max(0.25, scale * devicePixelRatio)));
}
