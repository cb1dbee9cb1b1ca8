import { useState } from 'react';
import {
  MAX_DOTS_PER_PERSON,
  NOTE_KIND_STYLE,
  NOTE_KINDS,
  roundSettingsSchema,
  type LaneId,
  type NoteKind,
} from '../../../shared/index.ts';
import { useBoard, useSession } from '../../board/hooks.ts';
import { Dialog } from '../Dialog.tsx';
import { Segmented } from '../Segmented.tsx';
import { ErrorLine } from '../ErrorLine.tsx';
import { DialogActions } from '../DialogActions.tsx';
import { TextField } from '../TextField.tsx';
import { type Choice, Select } from '../Select.tsx';
import { Check } from '../Check.tsx';

const CHECK = 'inline-check vote-facilitator';

const TIME_LIMITS: readonly Choice<number | null>[] = [
  { value: null, label: 'No time limit' },
  { value: 3, label: '3 minutes' },
  { value: 5, label: '5 minutes' },
  { value: 10, label: '10 minutes' },
  { value: 30, label: '30 minutes' },
  { value: 60, label: '1 hour' },
  { value: 24 * 60, label: '1 day' },
  { value: 3 * 24 * 60, label: '3 days (async)' },
];

/** The facilitator's "Start voting" dialog: every setting of a round, validated with the same schema as the server. */
export function StartVotingDialog({ onClose }: { onClose: () => void }) {
  const session = useSession();
  const board = useBoard();
  const [title, setTitle] = useState('Which problems do we fix first?');
  const [dots, setDots] = useState(5);
  const [capOn, setCapOn] = useState(false);
  const [cap, setCap] = useState(1);
  const [by, setBy] = useState<'kinds' | 'lanes'>('kinds');
  const [kinds, setKinds] = useState<readonly NoteKind[]>(['pain', 'idea']);
  const [lanes, setLanes] = useState<readonly LaneId[]>([]);
  const [budgets, setBudgets] = useState<Readonly<Record<LaneId, string>>>({});
  const [minutes, setMinutes] = useState<number | null>(null);
  const [anonymous, setAnonymous] = useState(true);
  const [facilitatorVotes, setFacilitatorVotes] = useState(true);
  const [onlyPresent, setOnlyPresent] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const toggle = <T,>(list: readonly T[], v: T) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);
  const submit = () => {
    const laneBudgets = Object.fromEntries(
      Object.entries(budgets)
        .filter(([, v]) => v.trim() !== '')
        .map(([k, v]) => [k, Number(v)]),
    );
    const parsed = roundSettingsSchema.safeParse({
      title,
      dotsPerPerson: dots,
      capPerNote: capOn ? cap : null,
      votableKinds: by === 'kinds' ? kinds : [],
      votableLaneIds: by === 'lanes' ? lanes : [],
      laneBudgets,
      timeLimitMinutes: minutes,
      anonymous,
      facilitatorVotes,
      onlyPresent,
    });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Check the settings.');
      return;
    }
    session.voting.start(parsed.data);
    onClose();
  };

  return (
    <Dialog title="Start a voting round" onClose={onClose} className="voting-dialog">
      <form
        className="voting-form"
        data-testid="start-voting-dialog"
        onKeyDown={(e) => e.stopPropagation()}
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <p className="muted small">
          Everyone votes in secret: each person sees only their own dots until you reveal the result.
        </p>
        <TextField
          id="vote-title"
          label="Question"
          data-testid="vote-title"
          value={title}
          maxLength={120}
          onValue={setTitle}
          autoFocus
        />

        <div className="voting-grid">
          <div>
            <label className="field-label" htmlFor="vote-dots">
              Dots per person
            </label>
            <input
              id="vote-dots"
              data-testid="vote-dots"
              type="number"
              min={1}
              max={MAX_DOTS_PER_PERSON}
              value={dots}
              onChange={(e) => setDots(Number(e.target.value))}
            />
          </div>
          <div>
            <span className="field-label">Dots on one note</span>
            <label className="inline-check">
              <input
                type="checkbox"
                checked={capOn}
                onChange={(e) => setCapOn(e.target.checked)}
                data-testid="vote-cap-on"
              />
              at most
              <input
                aria-label="Most dots per note"
                type="number"
                min={1}
                max={MAX_DOTS_PER_PERSON}
                value={cap}
                disabled={!capOn}
                onChange={(e) => setCap(Number(e.target.value))}
                className="narrow"
              />
            </label>
          </div>
          <div>
            <label className="field-label" htmlFor="vote-time">
              Time limit
            </label>
            <Select id="vote-time" data-testid="vote-time" value={minutes} onValue={setMinutes} choices={TIME_LIMITS} />
          </div>
        </div>

        <div className="field-label">Vote on</div>
        <Segmented
          label="Vote on"
          options={[
            { value: 'kinds', label: 'Note kinds' },
            { value: 'lanes', label: 'Lanes' },
          ]}
          value={by}
          onChange={setBy}
        />
        <div className="vote-chips">
          {by === 'kinds'
            ? NOTE_KINDS.map((k) => (
                <label
                  key={k}
                  className={kinds.includes(k) ? 'vote-chip on' : 'vote-chip'}
                  style={{ ['--chip' as string]: NOTE_KIND_STYLE[k].colour }}
                >
                  <input
                    type="checkbox"
                    checked={kinds.includes(k)}
                    onChange={() => setKinds(toggle(kinds, k))}
                    data-testid={`vote-kind-${k}`}
                  />
                  {NOTE_KIND_STYLE[k].icon} {NOTE_KIND_STYLE[k].label}
                </label>
              ))
            : board.lanes.map((l) => (
                <label
                  key={l.id}
                  className={lanes.includes(l.id) ? 'vote-chip on' : 'vote-chip'}
                  style={{ ['--chip' as string]: NOTE_KIND_STYLE[l.kind].colour }}
                >
                  <input
                    type="checkbox"
                    checked={lanes.includes(l.id)}
                    onChange={() => setLanes(toggle(lanes, l.id))}
                  />
                  {l.name}
                </label>
              ))}
        </div>

        <details className="vote-budgets">
          <summary>Budgets per lane (optional)</summary>
          <p className="muted small">
            At most this many of a person’s dots may go to the notes of a lane. Leave blank for no limit.
          </p>
          <div className="vote-budget-list">
            {board.lanes.map((l) => (
              <label key={l.id}>
                <span>{l.name}</span>
                <input
                  type="number"
                  min={0}
                  max={MAX_DOTS_PER_PERSON}
                  placeholder="—"
                  value={budgets[l.id] ?? ''}
                  onChange={(e) => setBudgets({ ...budgets, [l.id]: e.target.value })}
                  aria-label={`Budget for ${l.name}`}
                  className="narrow"
                />
              </label>
            ))}
          </div>
        </details>

        <div className="field-label">Results</div>
        <div className="choice vote-choice">
          <label>
            <input type="radio" name="vote-results" checked={anonymous} onChange={() => setAnonymous(true)} />{' '}
            Anonymous: totals only
          </label>
          <label>
            <input
              type="radio"
              name="vote-results"
              checked={!anonymous}
              onChange={() => setAnonymous(false)}
              data-testid="vote-named"
            />{' '}
            Named: who voted for what is kept
          </label>
        </div>
        <Check
          className={CHECK}
          checked={facilitatorVotes}
          onChange={setFacilitatorVotes}
          testId="vote-facilitator-votes"
        >
          I vote too
        </Check>
        <Check className={CHECK} checked={onlyPresent} onChange={setOnlyPresent} testId="vote-only-present">
          Only the people here now can vote
        </Check>
        <ErrorLine error={error} small />
        <DialogActions onCancel={onClose} confirm="Start voting" confirmTestId="start-voting-submit" />
      </form>
    </Dialog>
  );
}
