import type { TrackerIssue } from '../../shared/export/trackerIssues.ts';
import type { JiraTrackerConfig } from '../config/trackerConfig.ts';
import { type IssueCreator, isObject, postToTracker } from './trackerPost.ts';

/**
 * `POST /rest/api/3/issue` with basic auth (the account's email and an API token); the answer's
 * `key` makes the issue's page, `<site>/browse/<key>`. Priority is left to the project's default:
 * a team-managed project has no priority field to set, and Jira refuses a field its screen lacks.
 */
export function jiraCreator(config: JiraTrackerConfig): IssueCreator {
  const auth = Buffer.from(`${config.email}:${config.apiToken}`).toString('base64');
  return {
    async create(issue) {
      const sent = await postToTracker(
        'Jira',
        `${config.baseUrl}/rest/api/3/issue`,
        jiraIssueBody(issue, config),
        { authorization: `Basic ${auth}` },
        jiraError,
      );
      if (!sent.ok) return sent;
      const key = isObject(sent.answer) ? sent.answer.key : undefined;
      return typeof key === 'string' && /^[A-Z][A-Z0-9_]*-\d+$/.test(key)
        ? { ok: true, url: `${config.baseUrl}/browse/${key}` }
        : { ok: false, message: 'Jira’s answer had no issue key' };
    },
  };
}

function jiraIssueBody(issue: TrackerIssue, config: Pick<JiraTrackerConfig, 'project' | 'issueType'>) {
  return {
    fields: {
      project: { key: config.project },
      issuetype: { name: config.issueType },
      summary: issue.title,
      description: adfDocument(issue.description),
      labels: [...issue.labels],
      ...(issue.due ? { duedate: issue.due } : {}),
    },
  };
}

type AdfInline =
  | { type: 'text'; text: string; marks?: { type: 'link'; attrs: { href: string } }[] }
  | { type: 'hardBreak' };

/**
 * Plain text as an Atlassian Document Format document: a paragraph per block of lines (a blank
 * line separates them), a hard break between lines, and a URL at the end of a line as a link.
 * ADF refuses empty text nodes, so an empty line inside a block adds only the break.
 */
function adfDocument(text: string) {
  const blocks = text.split(/\n{2,}/).filter((b) => b.trim() !== '');
  return {
    version: 1,
    type: 'doc',
    content: blocks.map((block) => ({ type: 'paragraph', content: block.split('\n').flatMap(adfLine) })),
  };
}

function adfLine(line: string, index: number): AdfInline[] {
  const out: AdfInline[] = index > 0 ? [{ type: 'hardBreak' }] : [];
  const url = /(https?:\/\/\S+)$/.exec(line);
  const before = url ? line.slice(0, url.index) : line;
  if (before) out.push({ type: 'text', text: before });
  if (url) out.push({ type: 'text', text: url[1]!, marks: [{ type: 'link', attrs: { href: url[1]! } }] });
  return out;
}

/** `{ errorMessages: [...], errors: { field: message } }`. */
function jiraError(answer: unknown): string {
  if (!isObject(answer)) return '';
  const messages = Array.isArray(answer.errorMessages) ? answer.errorMessages.filter((m) => typeof m === 'string') : [];
  const fields = isObject(answer.errors) ? Object.entries(answer.errors).map(([f, m]) => `${f}: ${String(m)}`) : [];
  return [...messages, ...fields].join('; ');
}
