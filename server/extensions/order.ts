import type { Extension } from '@hocuspocus/server';

/**
 * The order in which Hocuspocus runs the extensions' hooks, first to last: the one place it is
 * stated. For every hook (onAuthenticate, beforeHandleMessage, onLoadDocument, onStateless, …)
 * Hocuspocus calls the extensions that have it in this order, and a hook that throws stops the
 * chain, so a check placed earlier protects everything below it. The classes carry no `priority`
 * of their own; `inHookOrder` sets it from this list (Hocuspocus sorts by it, higher first).
 */
export const EXTENSION_ORDER = [
  // Refuses a request whose Host this server does not answer to, before any static file,
  // route or connection sees it.
  'HostCheck',
  // Several instances (REDIS_URL): relays updates and awareness between instances; loads a
  // document's state from the others before anyone edits it here.
  'Redis',
  // Before every other beforeHandleMessage: a flood is cut before anyone decodes it.
  'UpdateRateLimit',
  // Refuses an update that is not a well-formed Yjs update, before the size limit decodes it and
  // before the update log stores it.
  'UpdateValidation',
  // Refuses an update that would grow a board past its cap; after the validation, before the log.
  'DocumentSizeLimit',
  // Maps the token to a role and the credential to a person: a wrong token costs one hash lookup
  // before BoardAccess decodes anything. Also refuses stateless messages a role may not send,
  // before any feature's onStateless below reads them.
  'RoleAccess',
  // Loads the board only for a proven connection; after RoleAccess, before every other onAuthenticate.
  'BoardAccess',
  // Makes a locked board's connections read-only per message: after RoleAccess has set the role,
  // before MassDeleteGuard and Persistence see the update.
  'BoardLock',
  // Admits connections by role, address and room; after the token checks, so strangers never
  // take a slot.
  'BoardCapacity',
  // Checkpoints the board before a mass removal, while the removed records still exist: after
  // the lock and the validators that refuse an update outright.
  'MassDeleteGuard',
  // Loads the stored board before any other extension's onLoadDocument, so they see it; stores
  // each update before the acknowledgement.
  'Persistence',
  // Several instances: our own server-to-server events (link rotation, voting, drafts, workshop).
  'ClusterEvents',
  // Remembers the boards a signed-in member opened; reads the proven person RoleAccess set.
  'BoardMembers',
  // Repairs records and migrates the loaded board: after Persistence has loaded it.
  'RecordGuard',
  // Voting rounds' records in the loaded board; after Persistence, next to RecordGuard.
  'RoundGuard',
  // Repairs the loaded comments document; after Persistence.
  'CommentGuard',
  // Periodic checkpoints of changed boards; after Persistence has stored the change.
  'Checkpoints',
  // From here on, features that answer stateless messages RoleAccess has already admitted by
  // role; each answers only its own types, so their order among themselves does not matter.
  // Timer, lock, follow-me: reads the role RoleAccess set; the lock itself is BoardLock's.
  'WorkshopControls',
  // Cursors and selections: stamps each presence with the role and person RoleAccess proved,
  // drops what a connection may not send.
  'PresenceGuard',
  // Voting messages; after Persistence, so a reveal writes into the loaded board.
  'Voting',
  // Private writing messages; after Persistence, so a reveal writes into the loaded board.
  'PrivateWriting',
  // Removal and admission of people by a facilitator.
  'People',
  // Note activity for "since you were last here"; reads the board Persistence loaded.
  'BoardActivity',
  // Webhook events from board changes (priority list, action statuses); reads the loaded board,
  // after RecordGuard's repairs and migrations.
  'WebhookEvents',
  // The comment.mentioned webhook event; judges a comment after CommentGuard has repaired it.
  'MentionEvents',
  // Visits and thread reads (comments); after BoardActivity, whose activity it reports.
  'Visits',
  // Encodes a board's download once it is loaded for a person; after every onLoadDocument that
  // changes the board (migrations, repairs).
  'StateWarmup',
  // Takes the WebSocket upgrades of the collab path; HTTP requests go on to HttpRequests.
  'CollabUpgrade',
  // The HTTP routes: after HostCheck, which is the only other onRequest.
  'HttpRequests',
  // One log line per connection opened and closed, once every check above has let it in.
  'ConnectionLog',
  // Counts every change, after the limits have had their say; never refuses anything.
  'DocumentMetrics',
] as const;

type ExtensionName = (typeof EXTENSION_ORDER)[number];

/**
 * The extensions sorted by EXTENSION_ORDER, each given the `priority` that makes Hocuspocus keep
 * that order. Throws on an extension without a name in the list: every extension has its place.
 */
export function inHookOrder(extensions: readonly Extension[]): Extension[] {
  const rank = (extension: Extension): number => {
    const index = EXTENSION_ORDER.indexOf(extension.extensionName as ExtensionName);
    if (index < 0)
      throw new Error(`extension ${extension.extensionName ?? '(unnamed)'} has no place in EXTENSION_ORDER`);
    return index;
  };
  return [...extensions]
    .map((extension) => ({ extension, index: rank(extension) }))
    .sort((a, b) => a.index - b.index)
    .map(({ extension, index }) => {
      extension.priority = EXTENSION_ORDER.length - index;
      return extension;
    });
}
