import Konva from 'konva';
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
import { DOUBLE_PRESS } from '../../board/gestureWords.ts';
import { CHANNEL_GLYPH } from '../../geometry/channelIcons.ts';
import { NOTE_H, NOTE_W } from '../../geometry/layout.ts';
import { DEPT_MARK, FULL_LABEL_WIDTH, LABEL_FONT, LABEL_X, LABEL_Y } from '../../geometry/noteBadges.ts';
import { directionProps } from '../textDirection.ts';
import { THEME } from '../theme.ts';

/** Everything a note's pixels depend on: two equal looks draw the same bitmap (noteBitmaps.ts). */
export interface NoteLook {
  readonly note: Note;
  /** The kind label's width: shorter when badges sit at the header's right end (noteBadges.ts). */
  readonly labelWidth: number;
  /** The author's colour on this board (peopleColours.ts) while they are here; else from their id. */
  readonly authorColour: string | undefined;
  /** Colours of the personas the note is tagged with, in order. */
  readonly personaColours: readonly string[];
  /** The glyph of the channel the note is on. */
  readonly channelIcon: ChannelIcon | undefined;
}

export const DEFAULT_LOOK = {
  labelWidth: FULL_LABEL_WIDTH,
  authorColour: undefined,
  personaColours: [],
  channelIcon: undefined,
};

const PAD = 12;
/** Room the channel glyph takes at the bottom right (14 px and a gap). */
const CHANNEL_SLOT = 18;
/** Persona dots drawn at most (a note tagged with more is rare; the row would reach the author). */
const MAX_DOTS = 8;
const ACTION_COLOUR = { open: '#2563eb', 'in-progress': '#b45309', done: '#15803d' } as const;
const FACE_FILL = ['#f87171', '#fdba74', '#fde68a', '#bef264', '#4ade80'];
const FACE_R = 11;

const text = (config: Konva.TextConfig) => new Konva.Text({ fontFamily: THEME.font, fill: THEME.ink, ...config });
const oneLine = (config: Konva.TextConfig) => text({ wrap: 'none', ellipsis: true, ...config });
const flat = { perfectDrawEnabled: false, listening: false } as const;

/**
 * One note's drawing as a Konva group, built once and set to a note's look before each bitmap is
 * drawn from it (noteBitmaps.ts): the notes on the board are bitmaps blitted by one shape, not a
 * tree of ~15 nodes each (docs/performance.md, section 21). Dumb: a look in, pixels out; the
 * group's origin is the note's top-left.
 */
export class NoteNode {
  readonly group = new Konva.Group({ name: 'note', listening: false });
  private readonly body = new Konva.Rect({
    width: NOTE_W,
    height: NOTE_H,
    cornerRadius: 8,
    stroke: 'rgba(15,23,42,0.10)',
    strokeWidth: 1,
    ...flat,
  });
  private readonly deptMark = new Konva.Rect({
    ...DEPT_MARK,
    width: DEPT_MARK.size,
    height: DEPT_MARK.size,
    cornerRadius: 4,
    ...flat,
  });
  private readonly deptText = text({
    ...DEPT_MARK,
    width: DEPT_MARK.size,
    height: DEPT_MARK.size,
    fontStyle: 'bold',
    fill: '#fff',
    align: 'center',
    verticalAlign: 'middle',
  });
  private readonly kindLabel = oneLine({
    name: 'note-kind-label',
    x: LABEL_X,
    y: LABEL_Y,
    fontSize: LABEL_FONT,
    fontStyle: 'bold',
    letterSpacing: 0.6,
    fill: 'rgba(31,36,48,0.55)',
  });
  private readonly words = text({ x: PAD, ...NOTE_BODY_TEXT });
  private readonly face = new Konva.Group({ x: NOTE_W - PAD - FACE_R, y: 42, listening: false });
  private readonly faceCircle = new Konva.Circle({ radius: FACE_R, stroke: '#1f2430', strokeWidth: 1, ...flat });
  private readonly mouth = new Konva.Shape({ stroke: '#1f2430', strokeWidth: 1.4, lineCap: 'round', listening: false });
  private mouthCurve = 0;
  private readonly dots = Array.from(
    { length: MAX_DOTS },
    (_, i) =>
      new Konva.Circle({
        name: 'persona-dot',
        x: NOTE_W - PAD - 4 - i * 11,
        y: NOTE_H - 15,
        radius: 4.5,
        stroke: '#fff',
        strokeWidth: 1.5,
        ...flat,
      }),
  );
  private readonly channel = new Konva.Path({
    name: 'note-channel',
    y: NOTE_H - 22,
    scaleX: 14 / 16,
    scaleY: 14 / 16,
    stroke: THEME.inkSoft,
    strokeWidth: 1.5,
    lineCap: 'round',
    lineJoin: 'round',
    ...flat,
  });
  private readonly action = new Konva.Group({ name: 'note-action', listening: false });
  private readonly actionPill = new Konva.Rect({ x: PAD - 4, y: NOTE_H - 25, height: 19, cornerRadius: 5, ...flat });
  private readonly actionText = oneLine({ x: PAD + 2, y: NOTE_H - 21, fontSize: 10, fontStyle: 'bold', fill: '#fff' });
  private readonly author = new Konva.Group({ listening: false });
  private readonly authorDot = new Konva.Circle({ x: PAD + 9, y: NOTE_H - 15, radius: 9, ...flat });
  private readonly authorInitials = text({
    x: PAD,
    y: NOTE_H - 24,
    width: 18,
    height: 18,
    fontSize: 8,
    fontStyle: 'bold',
    fill: '#fff',
    align: 'center',
    verticalAlign: 'middle',
  });
  // The author alone: the department has its mark at the top and the sentiment its face, and
  // with them the name was cut ("Journeyboard exampl…").
  private readonly authorName = oneLine({ x: PAD + 24, y: NOTE_H - 20, fontSize: 10, fill: THEME.inkSoft });

  constructor() {
    const shadow = new Konva.Rect({
      y: 2,
      width: NOTE_W,
      height: NOTE_H,
      cornerRadius: 8,
      fill: 'rgba(15,23,42,0.08)',
      ...flat,
    });
    const eye = (x: number) =>
      new Konva.Circle({ x: x * FACE_R, y: -0.25 * FACE_R, radius: 0.11 * FACE_R, fill: '#1f2430', ...flat });
    this.mouth.sceneFunc((ctx, shape) => {
      ctx.beginPath();
      ctx.moveTo(-FACE_R * 0.45, FACE_R * 0.3);
      ctx.quadraticCurveTo(0, FACE_R * 0.3 + this.mouthCurve * 2, FACE_R * 0.45, FACE_R * 0.3);
      ctx.strokeShape(shape);
    });
    this.face.add(this.faceCircle, eye(-0.35), eye(0.35), this.mouth);
    this.action.add(this.actionPill, this.actionText);
    this.author.add(this.authorDot, this.authorInitials, this.authorName);
    this.group.add(shadow, this.body, this.deptMark, this.deptText, this.kindLabel, this.words, this.face);
    this.group.add(...this.dots, this.channel, this.action, this.author);
  }

  /** Sets every node to `look`; what a previous look set and this one does not have is hidden. */
  set(look: NoteLook): this {
    const { note, personaColours, channelIcon } = look;
    const kind = NOTE_KIND_STYLE[note.kind];
    const dept = DEPARTMENT_STYLE[note.department];
    const isEmotion = note.kind === 'emotion' && note.sentiment !== null;
    this.group.id(note.id);
    this.body.fill(noteColour(note));
    this.deptMark.fill(dept.colour);
    this.deptText.setAttrs({ text: dept.mark, fontSize: dept.mark.length > 1 ? 8.5 : 10 });
    this.kindLabel.setAttrs({ text: `${kind.icon}  ${kind.label.toUpperCase()}`, width: look.labelWidth });
    this.words.setAttrs({ width: NOTE_W - 2 * PAD - (isEmotion ? 30 : 0), ...bodyTextLook(note.text) });
    this.face.visible(isEmotion);
    if (isEmotion) {
      this.faceCircle.fill(FACE_FILL[note.sentiment! + 2] ?? '#fde68a');
      this.mouthCurve = note.sentiment! * 0.22 * FACE_R;
    }
    const shownDots = personaColours.slice(0, MAX_DOTS);
    this.dots.forEach((dot, i) => dot.visible(i < shownDots.length).fill(shownDots[i] ?? ''));
    // The bottom row's right end: persona dots, then the channel glyph to their left.
    const footRight = shownDots.length * 11 + (channelIcon ? CHANNEL_SLOT : 0);
    this.channel.visible(channelIcon !== undefined);
    if (channelIcon)
      this.channel.setAttrs({
        x: NOTE_W - PAD - shownDots.length * 11 - CHANNEL_SLOT + 2,
        data: CHANNEL_GLYPH[channelIcon],
      });
    this.action.visible(note.action !== null);
    this.author.visible(note.action === null);
    if (note.action) {
      const { status, owner, due } = note.action;
      this.actionPill.setAttrs({ width: NOTE_W - 2 * PAD + 8 - footRight, fill: ACTION_COLOUR[status] });
      this.actionText.setAttrs({
        width: NOTE_W - 2 * PAD - 4 - footRight,
        text: `${status === 'done' ? '✓' : '▸'} ${ACTION_STATUS_LABEL[status]}${owner ? ` · ${owner}` : ''}${due ? ` · ${shortDate(due)}` : ''}`,
      });
    } else {
      this.authorDot.fill(look.authorColour ?? colourForUser(note.authorId));
      this.authorInitials.text(initials(note.authorName));
      this.authorName.setAttrs({ width: NOTE_W - 2 * PAD - 24 - footRight, text: note.authorName });
    }
    return this;
  }
}

/** A note's (or a private draft's) words: 13.5 px under the header, wrapped by word, cut with "…". */
export const NOTE_BODY_TEXT = {
  y: 28,
  height: NOTE_H - 28 - 26,
  fontSize: 13.5,
  lineHeight: 1.25,
  wrap: 'word',
  ellipsis: true,
} as const;

/** The words, or the hint to write some while there are none, laid out in the text's own direction. */
export function bodyTextLook(words: string) {
  return {
    text: words || `${DOUBLE_PRESS} to write…`,
    ...directionProps(words),
    fill: words ? THEME.ink : THEME.inkFaint,
    fontStyle: words ? 'normal' : 'italic',
  };
}

function shortDate(iso: string): string {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
}
