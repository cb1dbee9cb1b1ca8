import { useEffect, useState } from 'react';
import { initials, type Persona, type PersonaFields } from '../../shared/index.ts';
import { useBoard, useEditor, useSession } from '../board/hooks.ts';
import { SidePanel } from './SidePanel.tsx';
import { TextField } from './TextField.tsx';

const FIELDS: readonly [keyof PersonaFields, string, 'line' | 'text'][] = [
  ['role', 'Role', 'line'],
  ['quote', 'Quote', 'line'],
  ['goals', 'Goals', 'text'],
  ['needs', 'Needs', 'text'],
  ['frustrations', 'Frustrations', 'text'],
];

/** Persona cards beside the map: who the journey is for. Focus one to dim every other note. */
export function PersonasPanel({ readOnly }: { readOnly: boolean }) {
  const session = useSession();
  const board = useBoard();
  const focus = useEditor((s) => s.focusPersona);
  const [name, setName] = useState('');
  const counts = new Map(
    board.personas.map((p) => [p.id, board.notes.filter((n) => n.personaIds.includes(p.id)).length]),
  );
  return (
    <SidePanel
      titleId="personas-title"
      title="Personas"
      testId="personas-panel"
      onClose={() => session.editor.update({ panel: null, focusPersona: null })}
    >
      <p className="muted small">
        Who this journey is for. Tag notes with a persona from the note toolbar; focus a persona to see only its notes
        and its emotion curve.
      </p>
      <div className="persona-list">
        {board.personas.length === 0 && <p className="muted small">No personas yet.</p>}
        {board.personas.map((p) => (
          <PersonaCard
            key={p.id}
            persona={p}
            noteCount={counts.get(p.id) ?? 0}
            focused={focus === p.id}
            readOnly={readOnly}
          />
        ))}
      </div>
      {!readOnly && (
        <form
          className="persona-add"
          onSubmit={(e) => {
            e.preventDefault();
            if (!name.trim()) return;
            session.run('addPersona', { name: name.trim() });
            setName('');
          }}
        >
          <TextField
            id="new-persona"
            label="New persona’s name"
            labelClassName="sr-only"
            data-testid="new-persona"
            value={name}
            maxLength={60}
            placeholder="New persona, e.g. Priya, procurement lead"
            onValue={setName}
          />
          <button type="submit" className="btn primary" disabled={!name.trim()}>
            Add
          </button>
        </form>
      )}
    </SidePanel>
  );
}

function PersonaCard({
  persona,
  noteCount,
  focused,
  readOnly,
}: {
  persona: Persona;
  noteCount: number;
  focused: boolean;
  readOnly: boolean;
}) {
  const session = useSession();
  const [draft, setDraft] = useState<Partial<PersonaFields>>({});
  // biome-ignore lint/correctness/useExhaustiveDependencies: a changed persona (here or by a colleague) drops the local draft
  useEffect(() => setDraft({}), [persona]);
  const value = (k: keyof PersonaFields) => (draft[k] ?? persona[k]) as string;
  const commit = (k: keyof PersonaFields) => {
    const v = draft[k];
    if (v !== undefined && v !== persona[k]) session.run('updatePersona', { personaId: persona.id, patch: { [k]: v } });
  };
  return (
    <article
      className={`persona-card ${focused ? 'focused' : ''}`}
      aria-label={persona.name}
      data-testid="persona-card"
    >
      <div className="persona-head">
        <span className="persona-avatar" style={{ background: persona.colour }} aria-hidden>
          {initials(persona.name)}
        </span>
        <input
          className="persona-name"
          aria-label="Name"
          value={value('name')}
          readOnly={readOnly}
          maxLength={60}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          onBlur={() => commit('name')}
        />
        <button
          type="button"
          className="tb-button toolbar-toggle"
          aria-pressed={focused}
          onClick={() =>
            session.editor.update({
              focusPersona: focused ? null : persona.id,
              curveGrouping: focused ? 'all' : 'persona',
            })
          }
          title="Dim notes not about this persona"
        >
          {focused ? 'Focused' : 'Focus'} · {noteCount}
        </button>
      </div>
      <dl className="persona-fields">
        {FIELDS.map(([k, label, kind]) => (
          <div key={k}>
            <dt>{label}</dt>
            <dd>
              {kind === 'line' ? (
                <input
                  aria-label={`${persona.name}: ${label}`}
                  value={value(k)}
                  readOnly={readOnly}
                  placeholder={readOnly ? '' : `Add ${label.toLowerCase()}`}
                  onChange={(e) => setDraft({ ...draft, [k]: e.target.value })}
                  onBlur={() => commit(k)}
                />
              ) : (
                <textarea
                  aria-label={`${persona.name}: ${label}`}
                  rows={2}
                  value={value(k)}
                  readOnly={readOnly}
                  placeholder={readOnly ? '' : `Add ${label.toLowerCase()}`}
                  onChange={(e) => setDraft({ ...draft, [k]: e.target.value })}
                  onBlur={() => commit(k)}
                />
              )}
            </dd>
          </div>
        ))}
      </dl>
      {!readOnly && (
        <button
          type="button"
          className="tb-button danger"
          onClick={() => session.run('removePersona', { personaId: persona.id })}
        >
          Remove persona
        </button>
      )}
    </article>
  );
}
