import {
  fileSlug,
  ghIssueScript,
  githubIssuesJson,
  jiraCsv,
  linearCsv,
  type PriorityList,
  trackerIssues,
} from '../../shared/index.ts';
import { saveBlob } from './downloads.ts';

export type TrackerFile = 'jira' | 'linear' | 'github-json' | 'github-script';

/**
 * The hand-off files, made on this device from the list it shows: they need no server, so they
 * work offline too (docs/api.md, "Send to…").
 */
export function downloadTrackerFile(kind: TrackerFile, list: PriorityList): string {
  const issues = trackerIssues(list);
  const slug = fileSlug(list.board.title);
  const [text, type, name] =
    kind === 'jira'
      ? [jiraCsv(issues), 'text/csv;charset=utf-8', `${slug}-jira.csv`]
      : kind === 'linear'
        ? [linearCsv(issues), 'text/csv;charset=utf-8', `${slug}-linear.csv`]
        : kind === 'github-json'
          ? [githubIssuesJson(issues), 'application/json', `${slug}-github-issues.json`]
          : [ghIssueScript(issues, list.board.title), 'text/x-shellscript', `${slug}-github-issues.sh`];
  saveBlob(new Blob([text], { type }), name);
  return name;
}
