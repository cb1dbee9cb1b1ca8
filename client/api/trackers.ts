import {
  type CreateIssuesResponse,
  createIssuesResponseSchema,
  type Tracker,
  type TrackersView,
  trackerIssuesPath,
  trackersPath,
  trackersViewSchema,
} from '../../shared/index.ts';
import { bearer, readJson } from './http.ts';

/** The issue tracker routes (docs/api.md, "Issue trackers"): facilitators only. */
export async function fetchTrackers(boardId: string, token: string | null): Promise<TrackersView> {
  const res = await fetch(trackersPath(boardId), { headers: bearer(token) });
  return trackersViewSchema.parse(await readJson(res));
}

/** Creates an issue for each action that has none yet; the server writes each link onto its action. */
export async function createTrackerIssues(
  boardId: string,
  token: string | null,
  tracker: Tracker,
  noteIds: readonly string[],
): Promise<CreateIssuesResponse> {
  const res = await fetch(trackerIssuesPath(boardId, tracker), {
    method: 'POST',
    headers: { ...bearer(token), 'content-type': 'application/json' },
    body: JSON.stringify({ noteIds }),
  });
  return createIssuesResponseSchema.parse(await readJson(res));
}
