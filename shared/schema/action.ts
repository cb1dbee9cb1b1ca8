import { z } from 'zod';

/**
 * A pain point or idea turned into an action: who owns it, where it stands, when it is due, and
 * the tracker issue it was handed to. Stored as keys on the note (`actionOwner`, `actionStatus`,
 * `actionDue`, `actionIssueUrl`), so an owner change and a status change made at once both stay;
 * no `actionStatus` means "not an action".
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
  /** When the note became an action (ms since epoch); null on actions made before this was kept. */
  readonly openedAt: number | null;
  /** When it last moved to in progress; null unless in progress or done. */
  readonly startedAt: number | null;
  /** When it was marked done; null unless done (leaving "done" forgets it). */
  readonly doneAt: number | null;
  /** The issue created for it in a tracker (GitHub, Jira), an http(s) URL; null when not handed off. */
  readonly issueUrl: string | null;
}

/**
 * The keys that date an action's status changes, one per status, so a status change by one
 * person and an owner change by another both stay. Each holds when the action last entered that
 * status; the KPI chart draws them as markers and "Did it work?" compares around `doneAt`.
 */
export const ACTION_TIME_KEYS = {
  open: 'actionOpenedAt',
  'in-progress': 'actionStartedAt',
  done: 'actionDoneAt',
} as const satisfies Record<ActionStatus, string>;

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

/** Longest issue link kept; a tracker's issue URL is far shorter. */
const MAX_ISSUE_URL_LENGTH = 500;

/** Only http(s): the link is shown as an anchor, so `javascript:` and the like never are. */
export const actionIssueUrlSchema = z
  .string()
  .max(MAX_ISSUE_URL_LENGTH, `An issue link has at most ${MAX_ISSUE_URL_LENGTH} characters`)
  .refine(isIssueUrl, 'An issue link is an http(s) URL');

export function isIssueUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > MAX_ISSUE_URL_LENGTH) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password;
  } catch {
    return false;
  }
}

export function readAction(raw: Record<string, unknown>): NoteAction | null {
  const status = raw.actionStatus;
  if (!(ACTION_STATUSES as readonly unknown[]).includes(status)) return null;
  const time = (key: string) => {
    const t = raw[key];
    return typeof t === 'number' && Number.isFinite(t) ? t : null;
  };
  // A time of a status the action has since left (an older client changed it) is not shown.
  const started = status === 'in-progress' || status === 'done';
  return {
    status: status as ActionStatus,
    owner: typeof raw.actionOwner === 'string' ? raw.actionOwner : '',
    due: typeof raw.actionDue === 'string' && actionDueSchema.safeParse(raw.actionDue).success ? raw.actionDue : null,
    openedAt: time(ACTION_TIME_KEYS.open),
    startedAt: started ? time(ACTION_TIME_KEYS['in-progress']) : null,
    doneAt: status === 'done' ? time(ACTION_TIME_KEYS.done) : null,
    issueUrl: isIssueUrl(raw.actionIssueUrl) ? raw.actionIssueUrl : null,
  };
}

/** Whether two actions show the same owner, status and due date (their times aside). */
export function sameActionFields(a: NoteAction | null, b: NoteAction | null): boolean {
  if (a === null || b === null) return a === b;
  return a.owner === b.owner && a.status === b.status && a.due === b.due;
}
