import { useEffect, useState } from 'react';
import { timerRemainingMs, type TimerState } from '../../../shared/index.ts';
import { useSession } from '../hooks.ts';
import { useStore } from '../store.ts';
import type { WorkshopView } from './WorkshopSession.ts';
import { formatCountdown } from './serverClock.ts';

export function useWorkshop<S>(select: (v: WorkshopView) => S): S {
  return useStore(useSession().workshop.view, select);
}

export function useIsFacilitator(): boolean {
  return useStore(useSession().access, (a) => a.role === 'facilitator');
}

export interface Countdown {
  readonly timer: TimerState;
  readonly remainingMs: number;
  readonly text: string;
  /** The zero signal is on (the chip pulses). */
  readonly ringing: boolean;
}

/** The timer by the server's clock, re-rendered a few times a second while it runs. */
export function useCountdown(): Countdown {
  const { workshop } = useSession();
  const timer = useWorkshop((v) => v.state.timer);
  const ringing = useWorkshop((v) => v.ringing !== null);
  const [, tick] = useState(0);
  useEffect(() => {
    if (timer.status !== 'running') return;
    const id = setInterval(() => tick((n) => n + 1), 200);
    return () => clearInterval(id);
  }, [timer]);
  const remainingMs = timerRemainingMs(timer, workshop.clock.now());
  return { timer, remainingMs, text: formatCountdown(remainingMs), ringing };
}

/** The lock takes my writes away right now (I am not the facilitator). */
export function useLockedOut(): boolean {
  const { workshop } = useSession();
  useWorkshop((v) => v.state.lock);
  useStore(useSession().access, (a) => a.role);
  return workshop.isLockedOut();
}

/** Other people's cursors are hidden for me (my switch, or the facilitator's). */
export function useCursorsHidden(): boolean {
  const { workshop } = useSession();
  useWorkshop((v) => v.localHideCursors);
  useWorkshop((v) => v.state.hideCursors);
  useStore(useSession().access, (a) => a.role);
  return workshop.cursorsHidden();
}

/**
 * A switch that shows the server's value, but the new value at once after a click (until the
 * server's answer arrives, or 3 s pass without one), so a slow network does not make it flicker back.
 */
export function useOptimisticSwitch(server: boolean): [boolean, (value: boolean) => void] {
  const [pending, setPending] = useState<boolean | null>(null);
  useEffect(() => {
    if (pending !== null && pending === server) setPending(null);
  }, [server, pending]);
  useEffect(() => {
    if (pending === null) return;
    const t = setTimeout(() => setPending(null), 3000);
    return () => clearTimeout(t);
  }, [pending]);
  return [pending ?? server, setPending];
}
