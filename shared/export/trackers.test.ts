import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { newRecordMap, recordsMap } from '../doc/boardDoc.ts';
import { ORIGIN } from '../doc/origins.ts';
import { readBoard } from '../model/snapshot.ts';
import { buildExportFixture, FIXTURE, FIXTURE_COMMENTS } from '../testing/exportFixture.ts';
import { ghIssueScript, githubAssignees, githubIssuesJson, shellQuote } from './githubIssues.ts';
import { buildPriorityList } from './priorityList.ts';
import { jiraCsv, jiraDate, linearCsv } from './trackerCsv.ts';
import { issueTitle, trackerIssues, trackerPriority } from './trackerIssues.ts';

/** Quotes of both kinds, $, backticks, backslashes, line breaks, a tab and a would-be command. */
const NASTY = `Don't "quote" me: $HOME \`id\` $(rm -rf /) \\n 'it''s'\nsecond line\twith a tab\n\n-- end`;

/** The export fixture with more actions: a formula, a GitHub login, a shell-hostile text. */
function trackerFixture(): Y.Doc {
  const doc = buildExportFixture();
  const { notes: N, stages: S, lanes: L } = FIXTURE;
  doc.transact(() => {
    const records = recordsMap(doc);
    const formula = records.get(N.formula) as Y.Map<unknown>;
    formula.set('actionStatus', 'done');
    formula.set('actionOwner', '@octo-cat');
    formula.set('actionDue', '2027-01-31');
    records.set(
      'note:nasty',
      newRecordMap({
        position: { stageId: S.use, laneId: L.pain, index: 'a2' },
        kind: 'pain',
        text: NASTY,
        department: 'product',
        authorId: 'user-fay',
        authorName: 'Fay',
        createdAt: 1,
        updatedAt: 2,
        actionStatus: 'open',
        actionOwner: '=cmd|" /C calc"!A0',
      }),
    );
  }, ORIGIN.server);
  return doc;
}

const list = buildPriorityList({
  board: readBoard(trackerFixture()),
  round: 'latest',
  commentCounts: FIXTURE_COMMENTS,
  commentsIncluded: true,
  baseUrl: 'https://jb.example',
});
const issues = trackerIssues(list);

// Golden files: `npx vitest run shared/export -u` rewrites them; review the diff like code.
describe('tracker hand-off golden files', () => {
  it('Jira CSV, Linear CSV, GitHub payloads and the gh script', async () => {
    await expect(jiraCsv(issues)).toMatchFileSnapshot('./__golden__/trackers-jira.csv');
    await expect(linearCsv(issues)).toMatchFileSnapshot('./__golden__/trackers-linear.csv');
    await expect(githubIssuesJson(issues)).toMatchFileSnapshot('./__golden__/trackers-github.json');
    await expect(ghIssueScript(issues, list.board.title)).toMatchFileSnapshot('./__golden__/trackers-gh.sh');
  });
});

describe('tracker issues', () => {
  it('are the list’s actions only, in its order, with priority from rank and votes', () => {
    expect(issues.map((i) => i.noteId)).toEqual([N.formula, N.shipping, 'note:nasty', N.agents]);
    expect(issues.map((i) => i.priority)).toEqual(['High', 'Medium', 'Low', 'Low']);
    expect([trackerPriority(1, 3), trackerPriority(4, 1), trackerPriority(10, 1), trackerPriority(11, 9)]).toEqual([
      'High',
      'Medium',
      'Medium',
      'Low',
    ]);
    expect(trackerPriority(1, 0)).toBe('Low');
  });

  it('a title is the first line that has text, whitespace folded, cut at 120 with an ellipsis', () => {
    expect(issueTitle('\n  \n  Slow   checkout\nmore')).toBe('Slow checkout');
    expect(issueTitle('')).toBe('Untitled action');
    expect(issueTitle('x'.repeat(200))).toHaveLength(120);
    expect(issueTitle('x'.repeat(200)).endsWith('…')).toBe(true);
  });

  it('a GitHub assignee only for an owner written as @login', () => {
    expect(githubAssignees('@octo-cat')).toEqual(['octo-cat']);
    expect(githubAssignees('Bo Ström')).toEqual([]);
    expect(githubAssignees('@support lead')).toEqual([]);
    expect(githubAssignees('@-bad')).toEqual([]);
  });
});

const N = FIXTURE.notes;

describe('Jira and Linear CSV', () => {
  const parse = (csv: string) => {
    const parsed = Papa.parse<string[]>(csv, { newline: '\r\n', skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    return parsed.data;
  };

  it('Jira: its importer’s columns, one Labels column per label, its default date format, formulas neutralised', () => {
    const [header, ...rows] = parse(jiraCsv(issues));
    expect(header).toEqual([
      'Summary',
      'Description',
      'Issue Type',
      'Priority',
      'Labels',
      'Labels',
      'Labels',
      'Assignee',
      'Due date',
    ]);
    expect(jiraCsv(issues).charCodeAt(0)).toBe('S'.charCodeAt(0));
    expect(rows[0]!.slice(0, 1)).toEqual([`'=HYPERLINK("http://evil.example","click")`]);
    expect(rows[0]!.slice(2)).toEqual([
      'Task',
      'High',
      'journeyboard',
      'opportunity',
      'decision',
      "'@octo-cat",
      '31/Jan/27 12:00 AM',
    ]);
    expect(rows[2]![0]).toBe(issueTitle(NASTY));
    expect(rows[2]![1]!.startsWith(NASTY)).toBe(true);
    expect(rows[2]![7]).toBe(`'=cmd|" /C calc"!A0`);
    expect(jiraDate('2026-12-15')).toBe('15/Dec/26 12:00 AM');
  });

  it('Linear: its export’s column names, its status and priority words, labels joined by ", "', () => {
    const [header, ...rows] = parse(linearCsv(issues));
    expect(header).toEqual(['Title', 'Description', 'Status', 'Priority', 'Assignee', 'Labels', 'Due Date']);
    expect(rows.map((r) => r[2])).toEqual(['Done', 'In Progress', 'Todo', 'Done']);
    expect(rows[1]!.slice(3)).toEqual(['Medium', 'Bo Ström', 'journeyboard, pain-point, decision', '2026-12-15']);
  });
});

describe('gh issue create script', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jb-gh-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('passes every title, body, label and assignee to gh byte for byte, whatever quotes, $ and backticks', () => {
    // A stand-in gh that writes each call's arguments, NUL-separated, one call per line.
    const bin = path.join(dir, 'bin');
    fs.mkdirSync(bin);
    const calls = path.join(dir, 'calls');
    fs.writeFileSync(
      path.join(bin, 'gh'),
      `#!/bin/sh\n[ "$1" = label ] && exit 1\nprintf '%s\\0' "$@" >> '${calls}'\nprintf '\\n' >> '${calls}'\n`,
      { mode: 0o755 },
    );
    const script = path.join(dir, 'issues.sh');
    fs.writeFileSync(script, ghIssueScript(issues, list.board.title));
    execFileSync('/bin/sh', [script, 'acme/shop'], { env: { ...process.env, PATH: `${bin}:${process.env.PATH}` } });
    const made = fs
      .readFileSync(calls, 'utf8')
      .split('\0\n')
      .filter(Boolean)
      .map((call) => call.split('\0'));
    const payloads = JSON.parse(githubIssuesJson(issues)) as {
      title: string;
      body: string;
      labels: string[];
      assignees: string[];
    }[];
    expect(made).toEqual(
      payloads.map((p) => [
        'issue',
        'create',
        '--repo',
        'acme/shop',
        '--title',
        p.title,
        '--body',
        p.body,
        ...p.labels.flatMap((l) => ['--label', l]),
        ...p.assignees.flatMap((a) => ['--assignee', a]),
      ]),
    );
    expect(made[2]![7]!.startsWith(NASTY)).toBe(true);
  });

  it('quotes a single quote by closing, escaping and reopening', () => {
    expect(shellQuote(`it's`)).toBe(`'it'\\''s'`);
    expect(execFileSync('/bin/sh', ['-c', `printf %s ${shellQuote(NASTY)}`]).toString()).toBe(NASTY);
  });

  it('without a repository it stops with its usage and creates nothing', () => {
    const script = path.join(dir, 'usage.sh');
    fs.writeFileSync(script, ghIssueScript(issues, list.board.title));
    expect(() => execFileSync('/bin/sh', [script], { stdio: 'pipe' })).toThrow(/usage: sh this-file.sh OWNER\/REPO/);
  });
});
