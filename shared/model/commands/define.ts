import type { z } from 'zod';
import type * as Y from 'yjs';
import { CommandError } from '../errors.ts';
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

/** A command's input checked by its schema: the parsed value, or CommandError('invalid-input') with the first issue. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new CommandError('invalid-input', parsed.error.issues[0]?.message ?? 'Invalid input');
  return parsed.data;
}

/** Runs `write` in one transaction with `origin` and hands back its result; what it throws is thrown again after the transaction has ended. */
export function transactCommand<R>(doc: Y.Doc, origin: string, write: () => R): R {
  let result: R | undefined;
  let failure: unknown;
  doc.transact(() => {
    try {
      result = write();
    } catch (e) {
      failure = e;
    }
  }, origin);
  if (failure) throw failure;
  return result as R;
}
