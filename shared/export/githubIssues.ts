import type { TrackerIssue } from './trackerIssues.ts';

/** The body of GitHub's `POST /repos/{owner}/{repo}/issues`, with only the fields we set. */
export interface GitHubIssuePayload {
  readonly title: string;
  readonly body: string;
  readonly labels: readonly string[];
  readonly assignees: readonly string[];
}

/** A GitHub login: letters, digits and single hyphens, at most 39, not starting with a hyphen. */
const LOGIN = /^@([A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38})$/;

/**
 * An owner written as `@login` is assigned; any other owner (a name) stays in the body only,
 * since GitHub refuses an issue whose assignee is not a login it knows.
 */
export function githubAssignees(owner: string): string[] {
  const login = LOGIN.exec(owner.trim())?.[1];
  return login ? [login] : [];
}

export function githubIssuePayload(issue: TrackerIssue): GitHubIssuePayload {
  return {
    title: issue.title,
    body: issue.description,
    labels: [...issue.labels],
    assignees: githubAssignees(issue.owner),
  };
}

/** One payload per action, pretty-printed with a final newline. */
export function githubIssuesJson(issues: readonly TrackerIssue[]): string {
  return `${JSON.stringify(issues.map(githubIssuePayload), null, 2)}\n`;
}

/**
 * A POSIX shell word for any text: single quotes keep everything literal ($, backticks,
 * backslashes, line breaks); a single quote itself closes the quotes, is escaped, and reopens.
 */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * A `sh` script that creates every action with the GitHub CLI in the repository given as its
 * argument: `sh file.sh OWNER/REPO`. It stops at the first failure (`set -e`), so a rerun after
 * fixing it would create the earlier issues again: the comment before each command says which.
 */
export function ghIssueScript(issues: readonly TrackerIssue[], boardTitle: string): string {
  // A comment ends at a line break; \p{Cc} also covers CR, tab and DEL.
  const oneLine = (text: string) => text.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ');
  const lines = [
    '#!/bin/sh',
    `# ${issues.length} action${issues.length === 1 ? '' : 's'} of the journey board “${oneLine(boardTitle)}” as GitHub issues.`,
    '# Needs the GitHub CLI (gh auth login first). Usage: sh this-file.sh OWNER/REPO',
    'set -eu',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the shell's parameter expansion
    'repo="${1:?usage: sh this-file.sh OWNER/REPO}"',
  ];
  // gh refuses a label the repository lacks; one that exists is left as it is.
  const labels = [...new Set(issues.flatMap((i) => i.labels))];
  if (labels.length) lines.push('', '# The labels the issues use.');
  for (const l of labels) lines.push(`gh label create ${shellQuote(l)} --repo "$repo" >/dev/null 2>&1 || true`);
  issues.forEach((issue, n) => {
    const p = githubIssuePayload(issue);
    const args = [
      '--repo "$repo"',
      `--title ${shellQuote(p.title)}`,
      `--body ${shellQuote(p.body)}`,
      ...p.labels.map((l) => `--label ${shellQuote(l)}`),
      ...p.assignees.map((a) => `--assignee ${shellQuote(a)}`),
    ];
    lines.push('', `# ${n + 1}/${issues.length}: ${oneLine(p.title)}`, `gh issue create ${args.join(' \\\n  ')}`);
  });
  return `${lines.join('\n')}\n`;
}
