import { useState } from 'react';
import {
  channelOf,
  DEPARTMENT_STYLE,
  DEPARTMENTS,
  NOTE_KIND_STYLE,
  NOTE_KINDS,
  SENTIMENT_LABEL,
  type ChannelId,
  type CommandInput,
  type Note,
  type NoteId,
  type NoteKind,
} from '../../shared/index.ts';
import { useCommentsUi } from '../board/comments/hooks.ts';
import { useBoard, useEditor, useSession } from '../board/hooks.ts';
import { deleteSelection, duplicateSelection, startEditing } from '../board/noteActions.ts';
import { showPathsFrom } from '../board/pathHighlight.ts';
import { ActionFields } from './ActionFields.tsx';
import { NoteOutcome } from './NoteOutcome.tsx';
import { useIsPhone } from './layout/viewport.ts';
import { boundsOf, placeToolbar, screenRect } from './overlayPosition.ts';
import { useMeasuredSize } from './useMeasuredSize.ts';
import { OverBoard } from './OverBoard.tsx';

const SWATCHES = [null, '#fff3a6', '#ffd6d3', '#d3f2dc', '#cfe4ff', '#e9defc', '#ffe7c2', '#e5e7eb'] as const;

function common<T>(notes: readonly Note[], pick: (n: Note) => T): T | undefined {
  const first = notes[0] && pick(notes[0]);
  return notes.every((n) => pick(n) === first) ? first : undefined;
}

/** Actions for the selected notes, floating just above them. */
export function SelectionToolbar() {
  const session = useSession();
  const board = useBoard();
  const selection = useEditor((s) => s.selection);
  const camera = useEditor((s) => s.camera);
  const viewport = useEditor((s) => s.viewport);
  const { ref, size } = useMeasuredSize({ width: 660, height: 110 });
  const dragging = useEditor((s) => s.drag !== null);
  const editing = useEditor((s) => s.editing);
  const phone = useIsPhone();
  // The note's comment thread sits beside it and would cover half the toolbar: one at a time.
  const commentingOn = useCommentsUi((s) => (s.popover?.target.kind === 'note' ? s.popover.target.id : null));
  const canComment = useCommentsUi((s) => s.readOnlyReason === null);
  // A phone's sheet shows the frequent actions; the rest wait behind "More", so the sheet stays one
  // or two rows and leaves the selected note in view. Unfolded for one selection: another one
  // (a new set) starts folded again.
  const [unfoldedFor, setUnfoldedFor] = useState<typeof selection | null>(null);
  const folded = phone && unfoldedFor !== selection;
  if (selection.size === 0 || dragging) return null;
  if (commentingOn && selection.has(commentingOn as NoteId)) return null;
  const notes = [...selection].map((id) => board.notesById.get(id)).filter((n) => n !== undefined);
  const layout = session.layouts.layoutFor(board);
  const bounds = boundsOf(notes.map((n) => layout.notes.get(n.id)).filter((r) => r !== undefined));
  if (!bounds || notes.length === 0) return null;
  const r = screenRect(camera, bounds);
  const pathsButton = notes.length === 1 && (
    <button
      type="button"
      className="tb-button"
      onClick={() => showPathsFrom(session, notes[0]!.id)}
      title="The paths customers take from this note (P)"
    >
      Paths
    </button>
  );
  const place = {
    className: phone ? 'selection-toolbar selection-sheet' : 'selection-toolbar',
    'data-testid': 'selection-toolbar',
    // Above a note it runs off a phone's screen (wider than the screen, and over the top bar for a
    // note near the top): there it is a sheet along the bottom edge instead.
    ref,
    style: phone ? undefined : placeToolbar(r, size, viewport),
  };
  // Who cannot change the board (a viewer, a locked board) still follows the paths from a note:
  // seeing them writes nothing (marking the happy path and voting stay in the panel, for others).
  if (session.model.readOnlyReason)
    return pathsButton ? (
      <OverBoard {...place}>
        <span className="selection-count">1 note</span>
        {pathsButton}
      </OverBoard>
    ) : null;
  const noteIds = notes.map((n) => n.id);
  const patch = (p: CommandInput<'updateNotes'>['patch']) => session.run('updateNotes', { noteIds, patch: p });
  const kind = common(notes, (n) => n.kind);
  const dept = common(notes, (n) => n.department);
  const sentiment = common(notes, (n) => n.sentiment);
  // A note on a channel removed meanwhile shows as on none, as everywhere else.
  const channel = common(notes, (n) => channelOf(board, n)?.id ?? null);
  return (
    <OverBoard {...place}>
      <span className="selection-count">{notes.length === 1 ? '1 note' : `${notes.length} notes`}</span>
      {/* First, so that "Less" is at the top of the unfolded sheet, not below its scroll. */}
      {phone && (
        <button
          type="button"
          className="tb-button"
          aria-expanded={!folded}
          onClick={() => setUnfoldedFor(folded ? selection : null)}
          title={folded ? 'Team, channel, colour, personas, paths, duplicate' : 'Only the frequent actions'}
        >
          {folded ? 'More' : 'Less'}
        </button>
      )}
      <label className="tb-field">
        <span className="sr-only">Kind</span>
        <select aria-label="Kind" value={kind ?? ''} onChange={(e) => patch({ kind: e.target.value as NoteKind })}>
          {kind === undefined && <option value="">Mixed kinds</option>}
          {NOTE_KINDS.map((k) => (
            <option key={k} value={k}>{`${NOTE_KIND_STYLE[k].icon} ${NOTE_KIND_STYLE[k].label}`}</option>
          ))}
        </select>
      </label>
      {kind === 'emotion' && (
        <div className="sentiment-picker" role="radiogroup" aria-label="Sentiment">
          {[-2, -1, 0, 1, 2].map((v) => (
            // biome-ignore lint/a11y/useSemanticElements: a segmented control: buttons in a radio group (WAI-ARIA), styled as one bar
            <button
              type="button"
              key={v}
              role="radio"
              aria-checked={sentiment === v}
              className={sentiment === v ? 'active' : ''}
              title={SENTIMENT_LABEL[v]?.label}
              aria-label={`${SENTIMENT_LABEL[v]?.label} (${v > 0 ? '+' : ''}${v})`}
              onClick={() => patch({ sentiment: v })}
            >
              {v > 0 ? `+${v}` : v}
            </button>
          ))}
        </div>
      )}
      {!folded && (
        <>
          <label className="tb-field">
            <span className="sr-only">Department</span>
            <select
              aria-label="Department"
              value={dept ?? ''}
              onChange={(e) => patch({ department: e.target.value as Note['department'] })}
            >
              {dept === undefined && <option value="">Mixed teams</option>}
              {DEPARTMENTS.map((d) => (
                <option key={d} value={d}>
                  {DEPARTMENT_STYLE[d].label}
                </option>
              ))}
            </select>
          </label>
          <label className="tb-field">
            <span className="sr-only">Channel</span>
            <select
              aria-label="Channel"
              value={channel === undefined ? 'mixed' : (channel ?? '')}
              onChange={(e) =>
                session.run('setNoteChannel', { noteIds, channelId: (e.target.value || null) as ChannelId | null })
              }
            >
              {channel === undefined && (
                <option value="mixed" disabled>
                  Mixed channels
                </option>
              )}
              <option value="">No channel</option>
              {board.channels.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <fieldset className="swatches" aria-label="Colour">
            {SWATCHES.map((c) => (
              <button
                type="button"
                key={c ?? 'auto'}
                className="swatch"
                title={c ? `Colour ${c}` : 'Colour by kind'}
                aria-label={c ? `Colour ${c}` : 'Colour by kind'}
                style={{ background: c ?? 'conic-gradient(#cfe4ff 0 33%, #ffd6d3 0 66%, #fff3a6 0)' }}
                onClick={() => patch({ colour: c })}
              />
            ))}
          </fieldset>
          {notes.every((n) => n.kind === 'pain' || n.kind === 'idea') && <ActionFields notes={notes} />}
          {notes.length === 1 && notes[0]!.action?.status === 'done' && <NoteOutcome note={notes[0]!} />}
          {board.personas.length > 0 && (
            <fieldset className="persona-chips" aria-label="Personas">
              {board.personas.map((p) => {
                const all = notes.every((n) => n.personaIds.includes(p.id));
                return (
                  <button
                    type="button"
                    key={p.id}
                    className="persona-chip"
                    aria-pressed={all}
                    title={all ? `Untag ${p.name}` : `Tag with ${p.name}`}
                    onClick={() => session.run('tagNotes', { noteIds, personaId: p.id, tagged: !all })}
                  >
                    {/* The name follows, so a colour dot says who; initials this small could not be read. */}
                    <span className="persona-avatar" style={{ background: p.colour }} aria-hidden />
                    {p.name}
                  </button>
                );
              })}
            </fieldset>
          )}
        </>
      )}
      {notes.length === 1 && !editing && (
        <button
          type="button"
          className="tb-button"
          onClick={() => startEditing(session, notes[0]!.id)}
          title="Edit text (Enter)"
        >
          Edit
        </button>
      )}
      {/* Here rather than floating beside the note, where it covered the next note's text. */}
      {notes.length === 1 && canComment && (
        <button
          type="button"
          className="tb-button"
          onClick={() => session.comments.openPopover({ kind: 'note', id: notes[0]!.id })}
          data-testid="comment-anchor"
          title="Comment on this note"
        >
          Comment
        </button>
      )}
      {!folded && (
        <>
          {pathsButton}
          <button
            type="button"
            className="tb-button"
            onClick={() => duplicateSelection(session)}
            title="Duplicate (Ctrl+D)"
          >
            Duplicate
          </button>
        </>
      )}
      <button type="button" className="tb-button danger" onClick={() => deleteSelection(session)} title="Delete (Del)">
        Delete
      </button>
    </OverBoard>
  );
}
