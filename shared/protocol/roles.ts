/**
 * Share-link roles and what each may do. The server enforces these (server/extensions/RoleAccess.ts
 * and the HTTP routes); the client only adapts its UI to them.
 */
export const ROLES = ['facilitator', 'editor', 'commenter', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return (ROLES as readonly unknown[]).includes(value);
}

/** Higher rank = more rights. Each role includes the rights of every lower one. */
export const ROLE_RANK: Readonly<Record<Role, number>> = { viewer: 0, commenter: 1, editor: 2, facilitator: 3 };

export function atLeast(role: Role, minimum: Role): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[minimum];
}

/** The links a role may hand out: its own and every lower one (an editor cannot mint facilitators). */
export function shareableRoles(role: Role): Role[] {
  return ROLES.filter((r) => ROLE_RANK[r] <= ROLE_RANK[role]);
}

/**
 * A board has two documents: the board itself (`<boardId>`) and its comments
 * (`<boardId>/comments`, arriving in a later issue). Access is decided per document name, so a
 * commenter is read-only on the board and read-write on its comments.
 */
export type BoardDocumentKind = 'board' | 'comments';

export interface BoardDocumentName {
  readonly boardId: string;
  readonly kind: BoardDocumentKind;
}

export const COMMENTS_SUFFIX = '/comments';

export function parseDocumentName(name: string): BoardDocumentName {
  return name.endsWith(COMMENTS_SUFFIX)
    ? { boardId: name.slice(0, -COMMENTS_SUFFIX.length), kind: 'comments' }
    : { boardId: name, kind: 'board' };
}

/** Who may write which document. Everyone with a valid link may read both. */
const WRITERS: Readonly<Record<BoardDocumentKind, Role>> = { board: 'editor', comments: 'commenter' };

export function canWrite(role: Role, kind: BoardDocumentKind): boolean {
  return atLeast(role, WRITERS[kind]);
}

/** Facilitator-only actions (rounds, timer, lock, rotating links). */
export function canFacilitate(role: Role): boolean {
  return role === 'facilitator';
}

/** What each role can do, in the words the Share dialog uses. */
export const ROLE_INFO: Readonly<Record<Role, { readonly label: string; readonly description: string }>> = {
  facilitator: {
    label: 'Facilitator',
    description: 'Edits the board, runs voting rounds, the timer and the lock, and manages these links.',
  },
  editor: { label: 'Editor', description: 'Adds, edits, moves and removes notes, stages and lanes.' },
  commenter: { label: 'Commenter', description: 'Sees the board live and can comment, but cannot change the board.' },
  viewer: { label: 'Viewer', description: 'Sees the board live, read-only.' },
};

/**
 * The client path of a share link. The token travels in the URL fragment, which browsers never
 * send to a server: it stays out of access logs, proxies and Referer headers.
 */
export function shareLinkPath(boardId: string, token: string): string {
  return `/b/${boardId}#token=${encodeURIComponent(token)}`;
}

/** The token in a `#token=…` fragment, or null. */
export function tokenFromFragment(hash: string): string | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const token = params.get('token');
  return token && isShareToken(token) ? token : null;
}

/** The shape of a share token (what the server hands out); anything else is not sent anywhere. */
export function isShareToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{16,128}$/.test(value);
}
