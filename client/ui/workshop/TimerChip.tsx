import { useCountdown, useIsFacilitator } from '../../board/workshop/useWorkshop.ts';
import { StrokeIcon } from '../StrokeIcon.tsx';
import './workshop.css';

const STATUS_WORDS = { idle: 'Timer', running: 'Time left', paused: 'Paused', done: 'Time’s up' } as const;

/**
 * The countdown everyone sees in the top bar, by the server's clock (so it agrees on every
 * screen). Hidden while no timer has started, except for the facilitator (who starts it from
 * the Facilitate menu). At zero it pulses for a few seconds and a soft chime plays.
 */
export function TimerChip({ onClick }: { onClick?: () => void }) {
  const { timer, text, ringing, remainingMs } = useCountdown();
  const facilitator = useIsFacilitator();
  if (timer.status === 'idle' && !facilitator) return null;
  const urgent = timer.status === 'running' && remainingMs <= 30_000;
  const className = [
    'timer-chip',
    `timer-${timer.status}`,
    urgent ? 'timer-urgent' : '',
    ringing ? 'timer-ringing' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const label = `${STATUS_WORDS[timer.status]} ${text}`;
  const body = (
    <>
      <TimerIcon status={timer.status} />
      <span className="timer-word">{STATUS_WORDS[timer.status]}</span>
      <span className="timer-digits" data-testid="timer-text">
        {text}
      </span>
    </>
  );
  return onClick ? (
    <button
      type="button"
      className={className}
      data-testid="timer-chip"
      data-status={timer.status}
      aria-label={`${label}. Timer controls`}
      onClick={onClick}
    >
      {body}
    </button>
  ) : (
    <span className={className} data-testid="timer-chip" data-status={timer.status} role="timer" aria-label={label}>
      {body}
    </span>
  );
}

function TimerIcon({ status }: { status: string }) {
  return (
    <StrokeIcon size={14}>
      {status === 'paused' ? (
        <path d="M6 4v8M10 4v8" />
      ) : (
        <>
          <circle cx="8" cy="9" r="5.5" />
          <path d="M8 6v3l2 1.5M6.5 1.8h3" />
        </>
      )}
    </StrokeIcon>
  );
}
