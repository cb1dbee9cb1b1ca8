import { z } from 'zod';

/**
 * A pain point or idea turned into an action: who owns it, where it stands, when it is due.
 * Stored as three keys on the note (`actionOwner`, `actionStatus`, `actionDue`), so an owner
 * change and a status change made at once both stay; no `actionStatus` means "not an action".
 */
export const ACTION_STATUSES = ['open', 'in-progress', 'done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const ACTION_STATUS_LABEL: Record<ActionStatus, string> = {
  open: 'Open',
  'in-progress': 'In progress',
  done: 'Done',
};

export interface NoteAction {
  readonly owner: string;
  readonly status: ActionStatus;
  /** ISO date `YYYY-MM-DD`, or null. */
  readonly due: string | null;
}

export const actionOwnerSchema = z.string().trim().max(60, 'An owner name has at most 60 characters');
export const actionStatusSchema = z.enum(ACTION_STATUSES);
export const actionDueSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'A due date is YYYY-MM-DD')
  // Date.parse rolls 2026-02-31 over to March; a real date survives the round trip.
  .refine((d) => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
  }, 'Not a real date');

export function readAction(raw: Record<string, unknown>): NoteAction | null {
  const status = raw.actionStatus;
  if (!(ACTION_STATUSES as readonly unknown[]).includes(status)) return null;
  return {
    status: status as ActionStatus,
    owner: typeof raw.actionOwner === 'string' ? raw.actionOwner : '',
    due: typeof raw.actionDue === 'string' && actionDueSchema.safeParse(raw.actionDue).success ? raw.actionDue : null,
  };
}
