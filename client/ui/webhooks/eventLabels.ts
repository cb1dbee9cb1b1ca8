import type { WebhookEvent } from '../../../shared/protocol/webhooks.ts';

/** Each event as a facilitator picks it: a name and when it is sent. */
export const EVENT_LABELS: Readonly<Record<WebhookEvent, { readonly name: string; readonly when: string }>> = {
  'round.revealed': { name: 'Voting round revealed', when: 'the totals, when a round is revealed' },
  'priorities.changed': { name: 'Priority list changed', when: 'the ranked list, after its order or owners change' },
  'action.status_changed': { name: 'Action status changed', when: 'an action becomes open, in progress or done' },
  'comment.mentioned': { name: 'Mention in a comment', when: 'someone is mentioned with @name' },
  'board.restored': { name: 'Board restored', when: 'a version from the history is restored' },
};
