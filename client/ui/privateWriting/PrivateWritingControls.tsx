import { useState } from 'react';
import { useSession } from '../../board/hooks.ts';
import { usePrivateWriting } from '../../board/privateWriting/hooks.ts';
import { type Choice, choicesOf, Select } from '../Select.tsx';

const TIMER_CHOICES: readonly Choice<number | null>[] = [
  { value: null, label: 'No timer: I reveal' },
  ...choicesOf([3, 5, 10, 15], (m) => `${m} min, then reveal`),
];

/**
 * The Facilitate popover's "Private writing" section: start (optionally on the timer), reveal,
 * cancel. Each of them calls `onDone` (the popover closes) after sending its command.
 */
export function PrivateWritingControls({ onDone }: { onDone: () => void }) {
  const session = useSession();
  const phase = usePrivateWriting((s) => s.phase);
  const total = usePrivateWriting((s) => s.writers.reduce((n, w) => n + w.count, 0));
  const people = usePrivateWriting((s) => s.writers.length);
  const [minutes, setMinutes] = useState<number | null>(null);
  return (
    <section className="fp-section" data-testid="private-writing-controls">
      <h3>Private writing</h3>
      {phase ? (
        <>
          <p className="fp-help" data-testid="private-writing-summary">
            On since {new Date(phase.openedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}
            {phase.timerRun !== null ? ', revealed when the timer ends' : ''}: {total} private{' '}
            {total === 1 ? 'note' : 'notes'} from {people} {people === 1 ? 'person' : 'people'}.
          </p>
          <div className="fp-actions">
            <button
              type="button"
              className="btn primary"
              onClick={() => {
                session.privateWriting.reveal();
                onDone();
              }}
              data-testid="fp-private-reveal"
            >
              Reveal notes
            </button>
            <button
              type="button"
              className="btn ghost"
              onClick={() => {
                session.privateWriting.cancel();
                onDone();
              }}
              data-testid="fp-private-cancel"
            >
              Cancel
            </button>
          </div>
        </>
      ) : (
        <>
          <p className="fp-help">
            Everyone writes alone: new notes stay visible only to their author until you reveal them all at once.
          </p>
          <div className="fp-actions fp-stacked">
            <Select
              aria-label="Timer"
              value={minutes}
              onValue={setMinutes}
              choices={TIMER_CHOICES}
              data-testid="private-timer"
            />
            <button
              type="button"
              className="btn primary"
              onClick={() => {
                session.privateWriting.start({ timerMinutes: minutes });
                onDone();
              }}
              data-testid="private-start"
            >
              Start private writing
            </button>
          </div>
        </>
      )}
    </section>
  );
}
