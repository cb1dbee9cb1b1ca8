import type { z } from 'zod';
import type { CommandContext } from './context.ts';

/** A named user intent: its input validator and the writes it makes (inside one transaction). */
export interface CommandDef<S extends z.ZodType, R> {
  readonly input: S;
  /** What the undo history does with it: 'step' is one undo step; 'merge' joins a typing burst. */
  readonly history: 'step' | 'merge';
  readonly run: (ctx: CommandContext, input: z.output<S>) => R;
}

export function command<S extends z.ZodType, R>(
  input: S,
  run: (ctx: CommandContext, input: z.output<S>) => R,
  history: 'step' | 'merge' = 'step',
): CommandDef<S, R> {
  return { input, run, history };
}
