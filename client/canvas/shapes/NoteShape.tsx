import type Konva from 'konva';
import { memo, useLayoutEffect, useRef } from 'react';
import { Circle, Group, Path, Rect } from 'react-konva';
import {
  ACTION_STATUS_LABEL,
  colourForUser,
  DEPARTMENT_STYLE,
  initials,
  NOTE_KIND_STYLE,
  noteColour,
  type ChannelIcon,
  type Note,
} from '../../../shared/index.ts';
import { CHANNEL_GLYPH } from '../../geometry/channelIcons.ts';
import { NOTE_H, NOTE_W } from '../../geometry/layout.ts';
import { cacheWhenIdle } from '../idleCache.ts';
import { THEME } from '../theme.ts';
import { SentimentFace } from './SentimentFace.tsx';
import { DEPT_MARK, FULL_LABEL_WIDTH, LABEL_FONT, LABEL_X, LABEL_Y } from '../../geometry/noteBadges.ts';
import { NoteBodyText } from './NoteBodyText.tsx';
import { BoardText } from '../BoardText.tsx';

export interface NoteShapeProps {
  readonly note: Note;
  readonly x: number;
  readonly y: number;
  readonly opacity?: number;
  /**
   * When set, the note is drawn once into a bitmap at this pixel ratio and then blitted: panning
   * 300 notes at 100% costs ~60 ms a frame drawn as text, a few ms as bitmaps (bench/bigBoard).
   * The caller buckets it by zoom, so a zoom change re-caches at most a few times.
   */
  readonly cacheRatio?: number;
  /** Colours of the personas the note is tagged with, comma-separated (a primitive keeps memo cheap). */
  readonly personaColours?: string;
  /** The kind label's width: shorter when badges sit at the header's right end (noteBadges.ts). */
  readonly labelWidth?: number;
  /** The author's colour on this board (peopleColours.ts) while they are here; else from their id. */
  readonly authorColour?: string;
  /** The glyph of the channel the note is on (looked up by the layer: a rename redraws it). */
  readonly channelIcon?: ChannelIcon;
}

const PAD = 12;

/** A sticky note. Dumb: props in, pixels out; hit-testing happens in hitTest.ts. */
export const NoteShape = memo(function NoteShape({
  note,
  x,
  y,
  opacity = 1,
  cacheRatio,
  personaColours = '',
  labelWidth = FULL_LABEL_WIDTH,
  authorColour,
  channelIcon,
}: NoteShapeProps) {
  const group = useRef<Konva.Group>(null);
  const lastRatio = useRef<number | undefined>(undefined);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new note or persona colours means new content: drop the old bitmap and cache again
  useLayoutEffect(() => {
    const g = group.current;
    if (!g) return;
    g.clearCache(); // draw the new content live until the bitmap is ready
    // Same zoom as before: the content changed, maybe one change of many (someone typing).
    const changed = cacheRatio !== undefined && lastRatio.current === cacheRatio;
    lastRatio.current = cacheRatio;
    if (!cacheRatio) return;
    // Caching allocates canvases (~0.5-1 ms a note): do it when the browser is idle, not on mount,
    // so opening a board or zooming in never waits for hundreds of them.
    return cacheWhenIdle(g, cacheRatio, changed);
  }, [note, cacheRatio, personaColours, labelWidth, authorColour, channelIcon]);
  const personaDots = personaColours ? personaColours.split(',') : [];
  const kind = NOTE_KIND_STYLE[note.kind];
  const dept = DEPARTMENT_STYLE[note.department];
  const isEmotion = note.kind === 'emotion' && note.sentiment !== null;
  const textWidth = NOTE_W - 2 * PAD - (isEmotion ? 30 : 0);
  // The bottom row's right end: persona dots, then the channel glyph to their left.
  const footRight = personaDots.length * 11 + (channelIcon ? CHANNEL_SLOT : 0);
  return (
    <Group ref={group} x={x} y={y} id={note.id} name="note" opacity={opacity} listening={false}>
      <Rect
        y={2}
        width={NOTE_W}
        height={NOTE_H}
        cornerRadius={8}
        fill="rgba(15,23,42,0.08)"
        perfectDrawEnabled={false}
      />
      <Rect
        width={NOTE_W}
        height={NOTE_H}
        cornerRadius={8}
        fill={noteColour(note)}
        stroke="rgba(15,23,42,0.10)"
        strokeWidth={1}
        perfectDrawEnabled={false}
      />
      {/* The header: department mark, kind label, and room for the badges at the right end. */}
      <Rect
        x={DEPT_MARK.x}
        y={DEPT_MARK.y}
        width={DEPT_MARK.size}
        height={DEPT_MARK.size}
        cornerRadius={4}
        fill={dept.colour}
        perfectDrawEnabled={false}
      />
      <BoardText
        x={DEPT_MARK.x}
        y={DEPT_MARK.y}
        width={DEPT_MARK.size}
        height={DEPT_MARK.size}
        text={dept.mark}
        fontSize={dept.mark.length > 1 ? 8.5 : 10}
        fontStyle="bold"
        fill="#fff"
        align="center"
        verticalAlign="middle"
      />
      <BoardText
        name="note-kind-label"
        x={LABEL_X}
        y={LABEL_Y}
        text={`${kind.icon}  ${kind.label.toUpperCase()}`}
        fontSize={LABEL_FONT}
        fontStyle="bold"
        letterSpacing={0.6}
        fill="rgba(31,36,48,0.55)"
        width={labelWidth}
        oneLine
      />
      <NoteBodyText x={PAD} width={textWidth} text={note.text} />
      {isEmotion && <SentimentFace x={NOTE_W - PAD - 11} y={42} r={11} sentiment={note.sentiment!} />}
      {personaDots.map((c, i) => (
        <Circle
          key={i}
          name="persona-dot"
          x={NOTE_W - PAD - 4 - i * 11}
          y={NOTE_H - 15}
          radius={4.5}
          fill={c}
          stroke="#fff"
          strokeWidth={1.5}
          perfectDrawEnabled={false}
        />
      ))}
      {channelIcon && (
        <Path
          name="note-channel"
          x={NOTE_W - PAD - personaDots.length * 11 - CHANNEL_SLOT + 2}
          y={NOTE_H - 22}
          scaleX={14 / 16}
          scaleY={14 / 16}
          data={CHANNEL_GLYPH[channelIcon]}
          stroke={THEME.inkSoft}
          strokeWidth={1.5}
          lineCap="round"
          lineJoin="round"
          perfectDrawEnabled={false}
        />
      )}
      {note.action ? (
        <Group name="note-action">
          <Rect
            x={PAD - 4}
            y={NOTE_H - 25}
            width={NOTE_W - 2 * PAD + 8 - footRight}
            height={19}
            cornerRadius={5}
            fill={ACTION_COLOUR[note.action.status]}
            perfectDrawEnabled={false}
          />
          <BoardText
            x={PAD + 2}
            y={NOTE_H - 21}
            width={NOTE_W - 2 * PAD - 4 - footRight}
            text={`${note.action.status === 'done' ? '✓' : '▸'} ${ACTION_STATUS_LABEL[note.action.status]}${note.action.owner ? ` · ${note.action.owner}` : ''}${note.action.due ? ` · ${shortDate(note.action.due)}` : ''}`}
            fontSize={10}
            fontStyle="bold"
            fill="#fff"
            oneLine
          />
        </Group>
      ) : (
        <>
          <Circle
            x={PAD + 9}
            y={NOTE_H - 15}
            radius={9}
            fill={authorColour ?? colourForUser(note.authorId)}
            perfectDrawEnabled={false}
          />
          <BoardText
            x={PAD}
            y={NOTE_H - 24}
            width={18}
            height={18}
            text={initials(note.authorName)}
            fontSize={8}
            fontStyle="bold"
            fill="#fff"
            align="center"
            verticalAlign="middle"
          />
          <BoardText
            x={PAD + 24}
            y={NOTE_H - 20}
            width={NOTE_W - 2 * PAD - 24 - footRight}
            // The author alone: the department has its mark at the top and the sentiment its face, and
            // with them the name was cut ("Journeyboard exampl…").
            text={note.authorName}
            fontSize={10}
            fill={THEME.inkSoft}
            oneLine
          />
        </>
      )}
    </Group>
  );
});

/** Room the channel glyph takes at the bottom right (14 px and a gap). */
const CHANNEL_SLOT = 18;

const ACTION_COLOUR = { open: '#2563eb', 'in-progress': '#b45309', done: '#15803d' } as const;

function shortDate(iso: string): string {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
}
