import { createContext, useContext, useState, type ReactNode } from 'react';
import { DEPARTMENT_STYLE, initials, ROLE_INFO } from '../../../shared/index.ts';
import { useSession } from '../../board/hooks.ts';
import { RoleIcon } from '../roleIcons.tsx';
import { StrokeIcon } from '../StrokeIcon.tsx';
import { Check } from '../Check.tsx';
import { useParticipants, type Participant } from './participants.ts';
import { useIsFacilitator, useWorkshop } from '../../board/workshop/useWorkshop.ts';
import './workshop.css';
import { PanelHeading } from '../PanelHeading.tsx';
import { OverBoard } from '../OverBoard.tsx';

/**
 * An extra per-person badge in the participant panel, for features that know more about people
 * (the open voting round's "still has dots"). Provide it around the board page:
 * `<ParticipantBadgeContext.Provider value={(p) => …}>`; null shows nothing.
 */
export const ParticipantBadgeContext = createContext<((person: Participant) => ReactNode) | null>(null);

function formatJoined(at: number): string {
  const d = new Date(at);
  const sameDay = d.toDateString() === new Date().toDateString();
  return sameDay
    ? d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
    : d.toLocaleDateString([], { day: 'numeric', month: 'short' });
}

/** Who is here: name, department, role, signed in or guest, when they joined, online or away, who follows whom; follow anyone from here. */
export function ParticipantPanel({
  onClose,
  extraBadge,
}: {
  onClose: () => void;
  extraBadge?: (person: Participant) => ReactNode;
}) {
  const { workshop, people: board } = useSession();
  const [confirming, setConfirming] = useState<string | null>(null);
  const people = useParticipants();
  const following = useWorkshop((v) => v.following);
  const localHide = useWorkshop((v) => v.localHideCursors);
  const hiddenByFacilitator = useWorkshop((v) => v.state.hideCursors);
  const facilitator = useIsFacilitator();
  const contextBadge = useContext(ParticipantBadgeContext);
  const badge = extraBadge ?? contextBadge;
  const away = people.filter((p) => p.away).length;
  return (
    <OverBoard
      as="aside"
      className="participant-panel floating-card"
      aria-labelledby="participants-title"
      data-testid="participant-panel"
    >
      <PanelHeading
        className="pp-header"
        titleId="participants-title"
        title="People here"
        sub={
          <p className="pp-sub" data-testid="participants-count">
            {people.length - away} online{away > 0 ? ` · ${away} away` : ''}
          </p>
        }
        onClose={onClose}
      />
      <ul className="pp-list">
        {people.map((p) => (
          <li
            key={p.key}
            className={p.away ? 'pp-row pp-away' : 'pp-row'}
            data-testid="participant"
            data-name={p.name}
            data-role={p.role ?? ''}
            data-away={p.away}
          >
            <span className="avatar pp-avatar" style={{ background: p.colour }} aria-hidden>
              {initials(p.name)}
              <span
                className="avatar-dept"
                style={{ background: DEPARTMENT_STYLE[p.department].colour }}
                data-mark={DEPARTMENT_STYLE[p.department].mark}
              />
            </span>
            <div className="pp-text">
              <div className="pp-name">
                <span className="pp-name-text">{p.name}</span>
                {p.isMe && <span className="pp-you">you</span>}
                {p.role && (
                  <span className={`pp-role pp-role-${p.role}`} title={ROLE_INFO[p.role].description}>
                    <RoleIcon role={p.role} size={12} />
                    {ROLE_INFO[p.role].label}
                  </span>
                )}
              </div>
              <div className="pp-meta">
                <span className="pp-dept" style={{ color: DEPARTMENT_STYLE[p.department].colour }}>
                  {DEPARTMENT_STYLE[p.department].label}
                </span>
                <span className="pp-dot-sep" aria-hidden>
                  ·
                </span>
                <span className={p.away ? 'pp-status away' : 'pp-status online'} data-testid="participant-status">
                  <span className="pp-status-dot" aria-hidden />
                  {p.away ? 'Away' : 'Online'}
                </span>
                {p.signedIn !== null && (
                  <>
                    <span className="pp-dot-sep" aria-hidden>
                      ·
                    </span>
                    <span
                      className={p.signedIn ? 'pp-verified signed-in' : 'pp-verified guest'}
                      data-testid="participant-verified"
                      title={p.signedIn ? 'Signed in with their company account' : 'Joined by link, without signing in'}
                    >
                      {p.signedIn ? 'Signed in' : 'Guest'}
                    </span>
                  </>
                )}
                {p.joinedAt !== null && (
                  <>
                    <span className="pp-dot-sep" aria-hidden>
                      ·
                    </span>
                    <span className="pp-joined" data-testid="participant-joined">
                      joined {formatJoined(p.joinedAt)}
                    </span>
                  </>
                )}
                {p.devices > 1 && (
                  <>
                    <span className="pp-dot-sep" aria-hidden>
                      ·
                    </span>
                    <span className="pp-devices" data-testid="participant-devices">
                      {p.devices} tabs or devices
                    </span>
                  </>
                )}
                {p.followers > 0 && (
                  <>
                    <span className="pp-dot-sep" aria-hidden>
                      ·
                    </span>
                    <span className="pp-followers">
                      {p.followers === 1 ? '1 follower' : `${p.followers} followers`}
                    </span>
                  </>
                )}
              </div>
              {p.followingName && (
                <div className="pp-follows" data-testid="participant-follows">
                  <StrokeIcon size={12} strokeWidth={1.8}>
                    <path d="M3 8h9M8.5 4.5L12 8l-3.5 3.5" />
                  </StrokeIcon>
                  follows {p.followingName}
                </div>
              )}
            </div>
            {badge && <span className="pp-extra">{badge(p)}</span>}
            {facilitator && !p.isMe && confirming !== p.userId && (
              <button
                type="button"
                className="pp-remove"
                onClick={() => setConfirming(p.userId)}
                data-testid="participant-remove"
                aria-label={`Remove ${p.name} from the board`}
              >
                Remove
              </button>
            )}
            {confirming === p.userId && (
              <fieldset
                className="pp-confirm"
                aria-label={`Remove ${p.name}?`}
                data-testid="participant-remove-confirm"
              >
                <span>Remove {p.name}? Their dots in an open round stop counting.</span>
                <button
                  type="button"
                  className="btn danger"
                  onClick={() => {
                    board.remove(p.userId, p.name);
                    setConfirming(null);
                  }}
                >
                  Remove
                </button>
                <button type="button" className="btn" onClick={() => setConfirming(null)}>
                  Cancel
                </button>
              </fieldset>
            )}
            {!p.isMe && confirming !== p.userId && (
              <button
                type="button"
                className={following === p.clientId ? 'pp-follow active' : 'pp-follow'}
                aria-pressed={following === p.clientId}
                onClick={() => (following === p.clientId ? workshop.stopFollowing() : workshop.follow(p.clientId))}
                data-testid="participant-follow"
              >
                {following === p.clientId ? 'Following' : 'Follow'}
              </button>
            )}
          </li>
        ))}
      </ul>
      <footer className="pp-footer">
        <Check
          className="fp-check"
          checked={localHide}
          testId="local-hide-cursors"
          onChange={(on) => workshop.setLocalHideCursors(on)}
        >
          Hide other people’s cursors
        </Check>
        {hiddenByFacilitator && (
          <p className="pp-note">
            {facilitator ? 'You hid everyone’s cursors for the others.' : 'The facilitator hid cursors for quiet work.'}
          </p>
        )}
      </footer>
    </OverBoard>
  );
}
