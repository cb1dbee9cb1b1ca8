import './issueLink.css';

/** `#42` for a GitHub issue, `CX-7` for a Jira one, else the host: what a person recognises. */
function issueLabel(url: string): string {
  const u = new URL(url);
  const github = /\/issues\/(\d+)$/.exec(u.pathname)?.[1];
  if (github) return `#${github}`;
  const jira = /\/browse\/([A-Z][A-Z0-9_]*-\d+)$/.exec(u.pathname)?.[1];
  return jira ?? u.host;
}

/** The tracker issue an action was handed to, opening in a new tab. */
export function IssueLink({ url }: { url: string }) {
  const label = issueLabel(url);
  return (
    <a
      className="issue-link"
      href={url}
      target="_blank"
      rel="noopener noreferrer"
      data-testid="issue-link"
      title={`Open the issue: ${url}`}
    >
      <svg aria-hidden="true" viewBox="0 0 16 16" width="12" height="12">
        <path d="M6.5 3.5h-3v9h9v-3M9 3h4v4M13 3 7.5 8.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
      </svg>
      <span className="sr-only">Issue </span>
      {label}
    </a>
  );
}
