import { z } from 'zod';
import { secureUrl } from './secureUrl.ts';

/** GitHub issues through its REST API (GITHUB_TOKEN, GITHUB_REPO, GITHUB_API_URL). */
export interface GitHubTrackerConfig {
  /** A fine-grained token with "Issues: read and write" on the repository. */
  readonly token: string;
  /** `owner/name`. */
  readonly repo: string;
  /** `https://api.github.com`, or a GitHub Enterprise Server's `https://host/api/v3`. */
  readonly apiUrl: string;
}

/** Jira Cloud issues through REST v3 (JIRA_BASE_URL, JIRA_EMAIL, JIRA_API_TOKEN, JIRA_PROJECT, JIRA_ISSUE_TYPE). */
export interface JiraTrackerConfig {
  /** The site, e.g. `https://acme.atlassian.net` (no trailing slash). */
  readonly baseUrl: string;
  readonly email: string;
  readonly apiToken: string;
  /** The project key, e.g. `CX`. */
  readonly project: string;
  /** The issue type created (default `Task`). */
  readonly issueType: string;
}

export interface TrackerConfig {
  readonly github: GitHubTrackerConfig | null;
  readonly jira: JiraTrackerConfig | null;
}

export const NO_TRACKERS: TrackerConfig = { github: null, jira: null };

const unsetIfEmpty = (v: unknown) => (v === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(unsetIfEmpty, schema.optional());
// A token goes with every request (secureUrl); kept without a trailing slash for joining paths.
const apiOrigin = secureUrl.transform((v) => v.replace(/\/+$/, ''));

const trackerEnvSchema = z
  .object({
    GITHUB_TOKEN: optional(z.string().trim().min(1)),
    GITHUB_REPO: optional(
      z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}$/, 'must be owner/name, e.g. acme/journeys'),
    ),
    GITHUB_API_URL: z.preprocess(unsetIfEmpty, apiOrigin.default('https://api.github.com')),
    JIRA_BASE_URL: optional(apiOrigin),
    JIRA_EMAIL: optional(z.string().trim().email('must be the email address of the token’s Atlassian account')),
    JIRA_API_TOKEN: optional(z.string().trim().min(1)),
    JIRA_PROJECT: optional(
      z
        .string()
        .trim()
        .regex(/^[A-Z][A-Z0-9_]{1,9}$/, 'must be a Jira project key such as CX'),
    ),
    JIRA_ISSUE_TYPE: z.preprocess(unsetIfEmpty, z.string().trim().min(1).max(60).default('Task')),
  })
  // GITHUB_REPO turns GitHub on: many machines have a GITHUB_TOKEN for other tools, and that alone
  // must neither start issue creation nor stop the server.
  .refine((e) => e.GITHUB_REPO === undefined || e.GITHUB_TOKEN !== undefined, {
    message: 'GITHUB_REPO needs GITHUB_TOKEN (a token with "Issues: read and write" on it)',
    path: ['GITHUB_TOKEN'],
  })
  .refine(
    (e) => {
      const set = [e.JIRA_BASE_URL, e.JIRA_EMAIL, e.JIRA_API_TOKEN, e.JIRA_PROJECT].filter((v) => v !== undefined);
      return set.length === 0 || set.length === 4;
    },
    {
      message: 'set JIRA_BASE_URL, JIRA_EMAIL, JIRA_API_TOKEN and JIRA_PROJECT together (or none)',
      path: ['JIRA_BASE_URL'],
    },
  );

/**
 * The issue trackers the operator set up (docs/operations.md): either configured fully or not at
 * all. Returns the lines to report for a bad configuration instead of throwing, so readConfig
 * lists them with the rest.
 */
export function readTrackerConfig(
  env: Record<string, string | undefined>,
): { readonly ok: true; readonly value: TrackerConfig } | { readonly ok: false; readonly lines: string[] } {
  const parsed = trackerEnvSchema.safeParse(env);
  if (!parsed.success) return { ok: false, lines: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
  const e = parsed.data;
  return {
    ok: true,
    value: {
      github:
        e.GITHUB_TOKEN && e.GITHUB_REPO
          ? { token: e.GITHUB_TOKEN, repo: e.GITHUB_REPO, apiUrl: e.GITHUB_API_URL }
          : null,
      jira:
        e.JIRA_BASE_URL && e.JIRA_EMAIL && e.JIRA_API_TOKEN && e.JIRA_PROJECT
          ? {
              baseUrl: e.JIRA_BASE_URL,
              email: e.JIRA_EMAIL,
              apiToken: e.JIRA_API_TOKEN,
              project: e.JIRA_PROJECT,
              issueType: e.JIRA_ISSUE_TYPE,
            }
          : null,
    },
  };
}
