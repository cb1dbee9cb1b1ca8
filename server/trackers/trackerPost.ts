import type { TrackerIssue } from '../../shared/export/trackerIssues.ts';
import { postOnce } from '../webhooks/send.ts';

type Created = { readonly ok: true; readonly url: string } | { readonly ok: false; readonly message: string };

/** One tracker's way of creating an issue; its token stays inside. */
export interface IssueCreator {
  create(issue: TrackerIssue): Promise<Created>;
}

/** A tracker gets this long to answer one issue; a slow one fails that action, not the request. */
const TRACKER_TIMEOUT_MS = 15_000;

/**
 * POSTs JSON to a tracker's API and reads the JSON answer. The target is the operator's own
 * configuration, not a board member's input, so a tracker on a private network (GitHub Enterprise
 * Server, a test receiver) is allowed; redirects are still not followed, so the token goes nowhere
 * else. Failures come back as words for the facilitator, never with the request's headers.
 */
export async function postToTracker(
  name: string,
  url: string,
  payload: unknown,
  headers: Record<string, string>,
  detail: (answer: unknown) => string,
): Promise<{ readonly ok: true; readonly answer: unknown } | { readonly ok: false; readonly message: string }> {
  const result = await postOnce(url, JSON.stringify(payload), {
    timeoutMs: TRACKER_TIMEOUT_MS,
    allowPrivate: true,
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      'user-agent': 'Journeyboard',
      ...headers,
    },
  });
  const answer = parseJson(result.body);
  if (result.status === null) return { ok: false, message: `${name} could not be reached (${result.error})` };
  if (result.error !== null) {
    const why = detail(answer).slice(0, 300);
    return { ok: false, message: `${name} answered ${result.status}${why ? `: ${why}` : ''}` };
  }
  return { ok: true, answer };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
