// Priority list and exports: pure functions of a board snapshot.
export * from './priorityList.ts';
export * from './priorityOrder.ts';
export * from './labels.ts';
export * from './csv.ts';
export * from './markdown.ts';
export * from './json.ts';
export * from './backup.ts';
export * from './trackerIssues.ts';
export * from './trackerCsv.ts';
export * from './githubIssues.ts';
export * from './compareMarkdown.ts';
