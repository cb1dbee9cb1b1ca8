import { useEffect, useState } from 'react';
import { ACTION_STATUS_LABEL, ACTION_STATUSES, sameActionFields, type Note } from '../../shared/index.ts';
import { useSession } from '../board/hooks.ts';
import { CloseButton } from './IconButton.tsx';
import { IssueLink } from './IssueLink.tsx';
import { type Choice, choicesOf, Select } from './Select.tsx';

const STATUS_CHOICES = choicesOf(ACTION_STATUSES, (s) => ACTION_STATUS_LABEL[s]);
const MIXED: Choice<null> = { value: null, label: 'Mixed' };
/** Pain point or idea → action: owner, status and due date, edited from the note toolbar; its tracker issue, if any. */
export function ActionFields({ notes }: { notes: readonly Note[] }) {
  const session = useSession();
  const noteIds = notes.map((n) => n.id);
  const first = notes[0]?.action ?? null;
  const same = notes.every((n) => sameActionFields(n.action, first));
  const [owner, setOwner] = useState(first?.owner ?? '');
  useEffect(() => setOwner(first?.owner ?? ''), [first?.owner]);
  if (!notes.some((n) => n.action)) {
    return (
      <button
        type="button"
        className="tb-button"
        data-testid="make-action"
        onClick={() => session.run('setNoteAction', { noteIds, status: 'open' })}
        title="Give it an owner, a status and a due date"
      >
        Make action
      </button>
    );
  }
  return (
    <fieldset className="action-fields" aria-label="Action">
      <input
        aria-label="Owner"
        placeholder="Owner"
        value={same ? owner : ''}
        maxLength={60}
        onChange={(e) => setOwner(e.target.value)}
        onBlur={() => owner !== first?.owner && session.run('setNoteAction', { noteIds, owner })}
        onKeyDown={(e) => e.stopPropagation()}
      />
      <Select
        aria-label="Status"
        value={same && first ? first.status : null}
        onValue={(status) => status && session.run('setNoteAction', { noteIds, status })}
        choices={same ? STATUS_CHOICES : [MIXED, ...STATUS_CHOICES]}
      />
      <input
        type="date"
        aria-label="Due date"
        value={same ? (first?.due ?? '') : ''}
        onChange={(e) => session.run('setNoteAction', { noteIds, due: e.target.value || null })}
      />
      {same && first?.issueUrl ? <IssueLink url={first.issueUrl} /> : null}
      <CloseButton
        label="Not an action any more"
        title="Not an action any more"
        onClick={() => session.run('setNoteAction', { noteIds, status: null })}
      />
    </fieldset>
  );
}
