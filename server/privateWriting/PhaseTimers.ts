import type { TimerState, WorkshopCommand } from '../../shared/protocol/workshop.ts';
import { log } from '../observability/log.ts';
import type { StoredPhase } from './PrivateWritingRepository.ts';

/** What private writing needs of the workshop timer (WorkshopService has it). */
export interface WorkshopTimer {
  state(boardId: string): Promise<{ readonly timer: TimerState }>;
  apply(
    boardId: string,
    command: WorkshopCommand,
  ): Promise<
    | { readonly ok: true; readonly state: { readonly timer: TimerState } }
    | { readonly ok: false; readonly message: string }
  >;
}

const CHECK_MS = 500;

/**
 * Ties private writing phases to the workshop timer: starting a tied phase sets and starts the
 * timer (everyone sees the countdown), and the phase is revealed once that run of the timer is
 * done. The timer stays the workshop's (the facilitator can pause it or add a minute, which
 * delays the reveal); this only reads its state, every half second while a tied phase is open,
 * so WorkshopService needs no hook. Restarting the timer later (a new run) also counts.
 */
export class PhaseTimers {
  private readonly timer: WorkshopTimer;
  private readonly onDone: (boardId: string, phaseId: string) => Promise<void>;
  private readonly watched = new Map<string, { phaseId: string; run: number }>();
  private interval: ReturnType<typeof setInterval> | null = null;
  private checking = false;

  constructor(timer: WorkshopTimer, onDone: (boardId: string, phaseId: string) => Promise<void>) {
    this.timer = timer;
    this.onDone = onDone;
  }

  /** Sets the board's timer to `ms` and starts it; resolves with the run to wait for. */
  async startTimer(boardId: string, ms: number): Promise<{ ok: true; run: number } | { ok: false; message: string }> {
    const set = await this.timer.apply(boardId, {
      type: 'journeyboard:timer',
      action: 'set',
      durationMs: Math.max(1_000, ms),
    });
    if (!set.ok) return set;
    const started = await this.timer.apply(boardId, { type: 'journeyboard:timer', action: 'start' });
    if (!started.ok) return started;
    return { ok: true, run: started.state.timer.run };
  }

  watch(phase: StoredPhase): void {
    if (phase.timerRun === null) return;
    this.watched.set(phase.boardId, { phaseId: phase.id, run: phase.timerRun });
    this.interval ??= setInterval(() => void this.check(), CHECK_MS);
    this.interval.unref?.();
    void this.check();
  }

  forget(boardId: string): void {
    this.watched.delete(boardId);
    if (this.watched.size === 0 && this.interval) {
      clearInterval(this.interval);
      this.interval = null;
    }
  }

  close(): void {
    this.watched.clear();
    if (this.interval) clearInterval(this.interval);
    this.interval = null;
  }

  private async check(): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    try {
      for (const [boardId, { phaseId, run }] of [...this.watched]) {
        try {
          const { timer } = await this.timer.state(boardId);
          if (timer.status === 'done' && timer.run >= run && this.watched.get(boardId)?.phaseId === phaseId) {
            this.forget(boardId);
            await this.onDone(boardId, phaseId);
          }
        } catch (error) {
          log.error({ board: boardId, err: error }, 'private writing: the timed reveal failed');
        }
      }
    } finally {
      this.checking = false;
    }
  }
}
