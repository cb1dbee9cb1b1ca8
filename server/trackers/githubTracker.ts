import { githubIssuePayload } from '../../shared/export/githubIssues.ts';
import type { GitHubTrackerConfig } from '../config/trackerConfig.ts';
import { type IssueCreator, isObject, postToTracker } from './trackerPost.ts';

/** `POST /repos/{owner}/{repo}/issues` with a token; the answer's `html_url` is the issue's page. */
export function githubCreator(config: GitHubTrackerConfig): IssueCreator {
  return {
    async create(issue) {
      const sent = await postToTracker(
        'GitHub',
        `${config.apiUrl}/repos/${config.repo}/issues`,
        githubIssuePayload(issue),
        {
          accept: 'application/vnd.github+json',
          authorization: `Bearer ${config.token}`,
          'x-github-api-version': '2022-11-28',
        },
        githubError,
      );
      if (!sent.ok) return sent;
      const url = isObject(sent.answer) ? sent.answer.html_url : undefined;
      return typeof url === 'string' ? { ok: true, url } : { ok: false, message: 'GitHub’s answer had no issue link' };
    },
  };
}

/** `{ message, errors: [{ field, code, message? }] }`. */
function githubError(answer: unknown): string {
  if (!isObject(answer)) return '';
  const errors = Array.isArray(answer.errors)
    ? answer.errors
        .filter(isObject)
        .map((e) => (typeof e.message === 'string' ? e.message : [e.field, e.code].filter(Boolean).join(' ')))
    : [];
  return [typeof answer.message === 'string' ? answer.message : '', ...errors].filter(Boolean).join('; ');
}
