/**
 * The shapes of credentials and person ids, and how HTTP calls carry them. No imports: the page's
 * first script (client/boot/) reads the stored credential before anything else has loaded.
 */

/** `jbc_` and 43 base64url characters: 256 random bits. */
const CREDENTIAL_PATTERN = /^jbc_[A-Za-z0-9_-]{43}$/;
/** `person-` and 22 base64url characters: 128 random bits (not secret, but never guessable). */
const PERSON_ID_PATTERN = /^person-[A-Za-z0-9_-]{22}$/;

export function isCredential(value: unknown): value is string {
  return typeof value === 'string' && CREDENTIAL_PATTERN.test(value);
}

export function isPersonId(value: unknown): value is string {
  return typeof value === 'string' && PERSON_ID_PATTERN.test(value);
}

/** The route that issues an identity; Bearer = any share token of the board. */
export function identitiesPath(boardId: string): string {
  return `/api/boards/${encodeURIComponent(boardId)}/identities`;
}

/**
 * How an HTTP call names its person: this header (scripts), or this cookie, which the browser sets
 * from the stored credential so every same-origin request and download carries it. The share link
 * still goes in `Authorization: Bearer`; the credential only says who is asking.
 */
export const CREDENTIAL_HEADER = 'X-Journeyboard-Credential';
export const CREDENTIAL_COOKIE = 'jb_credential';
