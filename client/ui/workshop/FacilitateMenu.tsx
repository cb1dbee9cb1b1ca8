import { useEffect, useState } from 'react';
import { TIMER_MAX_MS } from '../../../shared/index.ts';
import { useSession } from '../../board/hooks.ts';
import { useStore } from '../../board/store.ts';
import { describeDuration } from '../../board/workshop/serverClock.ts';
import { Check } from '../Check.tsx';
import { TimerChip } from './TimerChip.tsx';
import { StrokeIcon } from '../StrokeIcon.tsx';
import { PrivateWritingControls } from '../privateWriting/PrivateWritingControls.tsx';
import { useCountdown, useOptimisticSwitch, useWorkshop } from '../../board/workshop/useWorkshop.ts';
import './workshop.css';
import { CloseButton } from '../IconButton.tsx';
import { OverBoard } from '../OverBoard.tsx';
import { usePopover } from '../usePopover.ts';
import type { FutureStateView } from '../../board/useFutureState.ts';

const PRESETS_MIN = [1, 3, 5, 10, 15];

/** What the Facilitate popover opens elsewhere: the template and webhook dialogs, the future state. */
type FacilitateLinks = {
  onSaveTemplate: () => void;
  onWebhooks: () => void;
  futureState: FutureStateView;
};

/**
 * The facilitator's cluster in the top bar: the timer chip and a "Facilitate" popover with the
 * timer, the lock, "bring everyone to me" and "hide everyone's cursors". Every control sends a
 * command; what the popover shows is the server's answer (the workshop state it broadcasts).
 */
export function FacilitateMenu({ onSaveTemplate, onWebhooks, futureState }: FacilitateLinks) {
  const { open, setOpen, root, button } = usePopover<HTMLDivElement>();
  // An action that changes the room (private writing, the lock, bringing everyone) closes the
  // popover so the board is seen at once; the timer's controls keep it open to watch the clock.
  const done = () => {
    setOpen(false);
    button.current?.focus();
  };
  useEffect(() => {
    if (!open) return;
    const onEscape = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    window.addEventListener('keydown', onEscape);
    return () => window.removeEventListener('keydown', onEscape);
  }, [open, setOpen]);
  return (
    <div className="facilitate" ref={root}>
      <TimerChip onClick={() => setOpen(true)} />
      <button
        ref={button}
        type="button"
        className={open ? 'btn ghost active' : 'btn ghost'}
        aria-expanded={open}
        aria-haspopup="dialog"
        onClick={() => setOpen((o) => !o)}
        data-testid="facilitate-button"
        title="Timer, lock, bring everyone, cursors"
        aria-label="Facilitate"
      >
        <StrokeIcon>
          <path d="M2.5 4.5h6M11.5 4.5h2M2.5 11.5h2M7.5 11.5h6" />
          <circle cx="10" cy="4.5" r="1.6" />
          <circle cx="6" cy="11.5" r="1.6" />
        </StrokeIcon>
        <span className="facilitate-word">Facilitate</span>
      </button>
      {open && (
        <FacilitatePanel
          onDone={done}
          onSaveTemplate={() => {
            setOpen(false);
            onSaveTemplate();
          }}
          onWebhooks={() => {
            setOpen(false);
            onWebhooks();
          }}
          futureState={futureState}
          onClose={done}
        />
      )}
    </div>
  );
}

function FacilitatePanel({
  onSaveTemplate,
  onWebhooks,
  futureState,
  onDone,
  onClose,
}: FacilitateLinks & { onDone: () => void; onClose: () => void }) {
  const { workshop, people } = useSession();
  const admission = useStore(people.lobby, (l) => l.admission);
  const state = useWorkshop((v) => v.state);
  const { timer, text, ringing } = useCountdown();
  const [minutes, setMinutes] = useState(String(Math.round(timer.durationMs / 60_000)));
  const [lockOnEnd, showLockOnEnd] = useOptimisticSwitch(timer.lockOnEnd);
  const [commentsOpen, showCommentsOpen] = useOptimisticSwitch(state.lock.commentsOpen);
  const [hideCursors, showHideCursors] = useOptimisticSwitch(state.hideCursors);
  const setDuration = (min: number) => {
    const ms = Math.round(Math.min(TIMER_MAX_MS / 60_000, Math.max(1 / 60, min)) * 60_000);
    workshop.timer({ action: 'set', durationMs: ms });
    setMinutes(String(min));
  };
  const timerButton = (
    action: Parameters<typeof workshop.timer>[0],
    className: string,
    label: string,
    disabled = false,
  ) => (
    <button
      type="button"
      className={className}
      onClick={() => workshop.timer(action)}
      disabled={disabled}
      data-testid={`timer-${action.action}`}
    >
      {label}
    </button>
  );
  return (
    <OverBoard
      className="facilitate-panel floating-card"
      role="dialog"
      aria-label="Facilitate"
      data-testid="facilitate-panel"
    >
      {/* On a phone the panel is a full-screen sheet: there is no board around it to tap away. */}
      <header className="sheet-header">
        <h2>Facilitate</h2>
        <CloseButton label="Close" onClick={onClose} />
      </header>
      <section className="fp-section">
        <h3>Timer</h3>
        <div className={`fp-clock timer-${timer.status}${ringing ? ' timer-ringing' : ''}`} data-testid="fp-clock">
          {text}
        </div>
        <fieldset className="fp-presets" aria-label="Duration">
          {PRESETS_MIN.map((m) => (
            <button
              key={m}
              type="button"
              className={timer.durationMs === m * 60_000 ? 'fp-preset active' : 'fp-preset'}
              aria-pressed={timer.durationMs === m * 60_000}
              onClick={() => setDuration(m)}
              data-testid={`timer-preset-${m}`}
            >
              {m} min
            </button>
          ))}
          <form
            className="fp-custom"
            onSubmit={(e) => {
              e.preventDefault();
              const m = Number(minutes);
              if (Number.isFinite(m) && m > 0) setDuration(m);
            }}
          >
            <input
              aria-label="Minutes"
              type="number"
              min={0.05}
              max={1440}
              step="any"
              value={minutes}
              onChange={(e) => setMinutes(e.target.value)}
              onKeyDown={(e) => e.stopPropagation()}
              data-testid="timer-minutes"
            />
            <button type="submit" className="fp-preset">
              Set
            </button>
          </form>
        </fieldset>
        <div className="fp-actions">
          {timer.status === 'running'
            ? timerButton({ action: 'pause' }, 'btn', 'Pause')
            : timer.status === 'paused'
              ? timerButton({ action: 'resume' }, 'btn primary', 'Resume')
              : timerButton(
                  { action: 'start' },
                  'btn primary',
                  `Start ${describeDuration(timer.status === 'idle' ? timer.remainingMs : timer.durationMs)}`,
                )}
          {timerButton({ action: 'add', ms: 60_000 }, 'btn', '+1 min')}
          {timerButton(
            { action: 'reset' },
            'btn ghost',
            'Reset',
            timer.status === 'idle' && timer.remainingMs === timer.durationMs,
          )}
        </div>
        <Check
          className="fp-check"
          checked={lockOnEnd}
          testId="timer-lock-on-end"
          onChange={(on) => {
            showLockOnEnd(on);
            workshop.timer({ action: 'options', lockOnEnd: on });
          }}
        >
          Lock the board when time is up
        </Check>
      </section>

      <section className="fp-section">
        {/* Not "Board": the section with the template, webhooks and future state has that name. */}
        <h3>Editing</h3>
        <button
          type="button"
          className={state.lock.locked ? 'btn fp-wide fp-locked' : 'btn fp-wide'}
          aria-pressed={state.lock.locked}
          onClick={() => {
            workshop.setLock(!state.lock.locked);
            onDone();
          }}
          data-testid="lock-toggle"
        >
          <LockIcon open={!state.lock.locked} />
          {state.lock.locked ? 'Unlock the board' : 'Lock the board'}
        </button>
        <p className="fp-help">
          {state.lock.locked
            ? 'Participants can look but not change anything. You can still edit.'
            : 'Editors become read-only until you unlock; you keep editing.'}
        </p>
        <Check
          className="fp-check"
          checked={commentsOpen}
          testId="lock-comments-open"
          onChange={(on) => {
            showCommentsOpen(on);
            workshop.setLock(state.lock.locked, on);
          }}
        >
          Comments stay open while locked
        </Check>
      </section>

      <PrivateWritingControls onDone={onDone} />

      <section className="fp-section">
        <h3>People</h3>
        <button
          type="button"
          className="btn fp-wide"
          onClick={() => {
            workshop.bringEveryone();
            onDone();
          }}
          data-testid="bring-everyone"
        >
          <TargetIcon />
          Bring everyone to my view
        </button>
        <Check
          className="fp-check"
          checked={hideCursors}
          testId="hide-cursors"
          onChange={(on) => {
            showHideCursors(on);
            workshop.setHideCursors(on);
          }}
        >
          Hide everyone’s cursors (quiet work; you still see them)
        </Check>
        <Check
          className="fp-check"
          checked={admission}
          testId="admission-toggle"
          onChange={(on) => people.setAdmission(on)}
        >
          Let people in one by one (newcomers wait until you admit them)
        </Check>
      </section>

      <section className="fp-section">
        <h3>Board</h3>
        <button
          type="button"
          className="btn fp-wide"
          onClick={onSaveTemplate}
          title="Save this board as a template for new boards on this server"
          data-testid="save-template-button"
        >
          Save as template…
        </button>
        <button
          type="button"
          className="btn fp-wide"
          onClick={onWebhooks}
          title="Send this board's events to another tool"
          data-testid="webhooks-button"
        >
          Webhooks…
        </button>
        {futureState.link === null && (
          <button
            type="button"
            className="btn fp-wide"
            onClick={() => {
              futureState.make();
              onDone();
            }}
            disabled={futureState.making}
            title="Make a future-state board: a linked copy of this journey to redesign, with a compare view"
            data-testid="make-future-state"
          >
            {futureState.making ? 'Making the future state…' : 'Make future state'}
          </button>
        )}
      </section>
    </OverBoard>
  );
}

export function LockIcon({ open = false, size = 15 }: { open?: boolean; size?: number }) {
  return (
    <StrokeIcon size={size}>
      <rect x="3" y="7" width="10" height="7" rx="1.6" />
      <path d={open ? 'M5.5 7V5a2.5 2.5 0 0 1 4.9-.7' : 'M5.5 7V5a2.5 2.5 0 0 1 5 0v2'} />
    </StrokeIcon>
  );
}

function TargetIcon() {
  return (
    <StrokeIcon>
      <circle cx="8" cy="8" r="5.5" />
      <circle cx="8" cy="8" r="1.8" />
      <path d="M8 1v2M8 13v2M1 8h2M13 8h2" />
    </StrokeIcon>
  );
}
