import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config.ts';

describe('issue tracker configuration', () => {
  it('none by default (a GITHUB_TOKEN for other tools alone changes nothing); each tracker when all of its variables are set', () => {
    expect(readConfig({}).trackers).toEqual({ github: null, jira: null });
    expect(readConfig({ GITHUB_TOKEN: 'ghp_for_another_tool' }).trackers).toEqual({ github: null, jira: null });
    const config = readConfig({
      GITHUB_TOKEN: 'github_pat_x',
      GITHUB_REPO: 'acme/journeys',
      JIRA_BASE_URL: 'https://acme.atlassian.net/',
      JIRA_EMAIL: 'cx@acme.example',
      JIRA_API_TOKEN: 'ATATT-x',
      JIRA_PROJECT: 'CX',
    });
    expect(config.trackers).toEqual({
      github: { token: 'github_pat_x', repo: 'acme/journeys', apiUrl: 'https://api.github.com' },
      jira: {
        baseUrl: 'https://acme.atlassian.net',
        email: 'cx@acme.example',
        apiToken: 'ATATT-x',
        project: 'CX',
        issueType: 'Task',
      },
    });
  });

  it('refuses half a tracker, a token over plain http, and a malformed repository, naming each', () => {
    const refusal = (env: Record<string, string>) => {
      try {
        readConfig(env);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as Error).message;
      }
      throw new Error('accepted');
    };
    expect(refusal({ GITHUB_REPO: 'acme/journeys' })).toMatch(/GITHUB_REPO needs GITHUB_TOKEN/);
    expect(refusal({ JIRA_BASE_URL: 'https://acme.atlassian.net' })).toMatch(/JIRA_PROJECT together/);
    expect(refusal({ GITHUB_TOKEN: 'x', GITHUB_REPO: 'acme', PORT: 'x' })).toMatch(
      /PORT[\s\S]*GITHUB_REPO: must be owner\/name/,
    );
    expect(
      refusal({
        JIRA_BASE_URL: 'http://jira.acme.example',
        JIRA_EMAIL: 'cx@acme.example',
        JIRA_API_TOKEN: 't',
        JIRA_PROJECT: 'CX',
      }),
    ).toMatch(/JIRA_BASE_URL: must be an https:\/\/ URL/);
  });
});
