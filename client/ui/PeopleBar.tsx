import { useState } from 'react';
import { DEPARTMENT_STYLE, initials } from '../../shared/index.ts';
import { useSession } from '../board/hooks.ts';
import { useStore } from '../board/store.ts';
import { ParticipantPanel } from './workshop/ParticipantPanel.tsx';
import { useParticipants } from './workshop/participants.ts';
import { StrokeIcon } from './StrokeIcon.tsx';

/**
 * Avatars of who is here, me first, one per person (their tabs and devices together); the
 * department mark sits on each avatar. Clicking someone follows their view (live workshops); the
 * count opens the participant panel.
 */
export function PeopleBar() {
  const session = useSession();
  const following = useStore(session.workshop.view, (v) => v.following);
  const [panel, setPanel] = useState(false);
  const people = useParticipants().map((p) => ({
    key: p.key,
    clientId: p.isMe ? null : p.clientId,
    name: p.isMe ? `${p.name} (you)` : p.name,
    colour: p.colour,
    department: p.department,
  }));
  const shown = people.slice(0, 6);
  return (
    <div className="people-wrap">
      <fieldset className="people" data-testid="people" aria-label={`${people.length} here`}>
        {shown.map((p) => {
          const dept = (
            // The mark is drawn by CSS and hidden from screen readers: the avatar's name says it all.
            <span
              className="avatar-dept"
              style={{ background: DEPARTMENT_STYLE[p.department].colour }}
              data-mark={DEPARTMENT_STYLE[p.department].mark}
              aria-hidden
            />
          );
          const label = initials(p.name.replace(' (you)', ''));
          if (p.clientId === null)
            return (
              <span
                key={p.key}
                className="avatar"
                style={{ background: p.colour }}
                title={`${p.name} · ${DEPARTMENT_STYLE[p.department].label}`}
                role="img"
                aria-label={`${p.name} · ${DEPARTMENT_STYLE[p.department].label}`}
                data-testid="avatar"
                data-name={p.name}
              >
                {label}
                {dept}
              </span>
            );
          const followed = following === p.clientId;
          const clientId = p.clientId;
          return (
            <button
              key={p.key}
              type="button"
              className={followed ? 'avatar avatar-button followed' : 'avatar avatar-button'}
              style={{ background: p.colour, ...(followed ? { boxShadow: `0 0 0 2px ${p.colour}` } : {}) }}
              title={
                followed
                  ? `Following ${p.name} · click to stop`
                  : `${p.name} · ${DEPARTMENT_STYLE[p.department].label} · click to follow their view`
              }
              aria-label={followed ? `Stop following ${p.name}` : `Follow ${p.name}’s view`}
              aria-pressed={followed}
              onClick={() => (followed ? session.workshop.stopFollowing() : session.workshop.follow(clientId))}
              data-testid="avatar"
              data-name={p.name}
            >
              {label}
              {dept}
            </button>
          );
        })}
        {people.length > shown.length && <span className="avatar more">+{people.length - shown.length}</span>}
      </fieldset>
      <button
        type="button"
        className={panel ? 'people-count active' : 'people-count'}
        aria-expanded={panel}
        onClick={() => setPanel((o) => !o)}
        title="Who is here"
        aria-label={`Who is here: ${people.length} ${people.length === 1 ? 'person' : 'people'}`}
        data-testid="participants-button"
      >
        {people.length}
        <StrokeIcon size={13} strokeWidth={1.8}>
          <path d="M4 6l4 4 4-4" />
        </StrokeIcon>
      </button>
      {panel && <ParticipantPanel onClose={() => setPanel(false)} />}
    </div>
  );
}
