import type { z } from 'zod';
import type { CommandContext } from './context.ts';

/** A named user intent: its input validator and the writes it makes (inside one transaction). */
export interface CommandDef<S extends z.ZodType, R> {
  readonly input: S;
  /**
   * What the undo history does with it: 'step' is one undo step; 'merge' joins a typing burst;
   * 'open-step' is a step that the typing right after it joins (add a note, write it: one undo).
   */
  readonly history: 'step' | 'merge' | 'open-step';
  readonly run: (ctx: CommandContext, input: z.output<S>) => R;
}

export function command<S extends z.ZodType, R>(
  input: S,
  run: (ctx: CommandContext, input: z.output<S>) => R,
  history: CommandDef<S, R>['history'] = 'step',
): CommandDef<S, R> {
  return { input, run, history };
}
