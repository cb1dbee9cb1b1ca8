import { z } from 'zod';

/**
 * Direct hand-off to issue trackers (docs/api.md, "Issue trackers"): which ones the operator set
 * up, and creating issues for chosen actions. Facilitators only; tokens never leave the server.
 */
export const TRACKERS = ['github', 'jira'] as const;
export type Tracker = (typeof TRACKERS)[number];

export const TRACKER_NAME: Record<Tracker, string> = { github: 'GitHub', jira: 'Jira' };

/** `GET /api/boards/:id/trackers`: where issues can be created, null for a tracker not set up. */
export interface TrackersView {
  readonly github: { readonly repo: string } | null;
  readonly jira: { readonly site: string; readonly project: string } | null;
}
export const trackersViewSchema = z.object({
  github: z.object({ repo: z.string() }).nullable(),
  jira: z.object({ site: z.string(), project: z.string() }).nullable(),
}) satisfies z.ZodType<TrackersView>;

/** Most actions one request creates: each is one call to the tracker, one after another. */
const MAX_ISSUES_PER_REQUEST = 50;

/** `POST /api/boards/:id/trackers/:tracker/issues` body. */
export const createIssuesRequestSchema = z.object({
  noteIds: z
    .array(z.string().max(128))
    .min(1, 'Choose at least one action')
    .max(MAX_ISSUES_PER_REQUEST, `At most ${MAX_ISSUES_PER_REQUEST} actions at a time`),
});

/**
 * One action's outcome: `created` (its link is now on the action), `exists` (it had an issue
 * already: nothing was sent), or `failed` with the reason (nothing recorded; retrying is safe).
 */
export interface IssueResult {
  readonly noteId: string;
  readonly state: 'created' | 'exists' | 'failed';
  /** The issue's page; null when failed. */
  readonly url: string | null;
  /** Why it failed, in words; null otherwise. */
  readonly message: string | null;
}
const issueResultSchema = z.object({
  noteId: z.string(),
  state: z.enum(['created', 'exists', 'failed']),
  url: z.string().nullable(),
  message: z.string().nullable(),
}) satisfies z.ZodType<IssueResult>;

export interface CreateIssuesResponse {
  readonly tracker: Tracker;
  readonly results: readonly IssueResult[];
}
export const createIssuesResponseSchema = z.object({
  tracker: z.enum(TRACKERS),
  results: z.array(issueResultSchema).readonly(),
}) satisfies z.ZodType<CreateIssuesResponse>;

export function trackersPath(boardId: string): string {
  return `/api/boards/${encodeURIComponent(boardId)}/trackers`;
}

export function trackerIssuesPath(boardId: string, tracker: Tracker): string {
  return `${trackersPath(boardId)}/${tracker}/issues`;
}
