import { csvText } from './csv.ts';
import type { TrackerIssue } from './trackerIssues.ts';

/**
 * Jira's CSV importer: a `Summary` column is required; one `Labels` column per label (the
 * importer joins columns of the same name); dates in its default format `dd/MMM/yy h:mm a`, so
 * the wizard's date setting needs no change. No BOM: the importer would read it into the first
 * header, and then finds no Summary.
 */
const JIRA_LABEL_COLUMNS = 3;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2026-12-15` → `15/Dec/26 12:00 AM`. */
export function jiraDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}/${MONTHS[Number(month) - 1]}/${year!.slice(2)} 12:00 AM`;
}

export function jiraCsv(issues: readonly TrackerIssue[]): string {
  const labels = Array.from({ length: JIRA_LABEL_COLUMNS }, () => 'Labels');
  const fields = ['Summary', 'Description', 'Issue Type', 'Priority', ...labels, 'Assignee', 'Due date'];
  const rows = issues.map((i) => [
    i.title,
    i.description,
    'Task',
    i.priority,
    ...labels.map((_, n) => i.labels[n] ?? ''),
    i.owner,
    i.due ? jiraDate(i.due) : '',
  ]);
  return csvText(fields, rows);
}

/** Linear's workflow states a new team has, by our action status. */
const LINEAR_STATUS = { open: 'Todo', 'in-progress': 'In Progress', done: 'Done' } as const;

/**
 * Linear's CSV importer reads the columns of Linear's own export: Title, Description, Status,
 * Priority (`Urgent`, `High`, `Medium`, `Low`), Assignee, Labels (joined by ", "), Due Date. It
 * strips the apostrophe our formula guard puts before `= + - @`, as it does for its own exports.
 */
export function linearCsv(issues: readonly TrackerIssue[]): string {
  const fields = ['Title', 'Description', 'Status', 'Priority', 'Assignee', 'Labels', 'Due Date'];
  const rows = issues.map((i) => [
    i.title,
    i.description,
    LINEAR_STATUS[i.status],
    i.priority,
    i.owner,
    i.labels.join(', '),
    i.due ?? '',
  ]);
  return csvText(fields, rows);
}
