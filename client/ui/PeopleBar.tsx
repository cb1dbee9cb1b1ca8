import { DEPARTMENT_STYLE, initials } from '../../shared/index.ts';
import { usePeers, useSession } from '../board/hooks.ts';
import { useStore } from '../board/store.ts';

/** Avatars of who is here, me first; the department mark sits on each avatar. */
export function PeopleBar() {
  const me = useStore(useSession().identity, (s) => s.me);
  const peers = usePeers();
  const people = [{ key: 'me', name: `${me.name} (you)`, colour: me.colour, department: me.department }, ...peers.map((p) => ({ key: String(p.clientId), name: p.user.name, colour: p.user.colour, department: p.user.department }))];
  const shown = people.slice(0, 6);
  return (
    <div className="people" data-testid="people" aria-label={`${people.length} here`}>
      {shown.map((p) => (
        <span key={p.key} className="avatar" style={{ background: p.colour }} title={`${p.name} · ${DEPARTMENT_STYLE[p.department].label}`}>
          {initials(p.name.replace(' (you)', ''))}
          <span className="avatar-dept" style={{ background: DEPARTMENT_STYLE[p.department].colour }}>{DEPARTMENT_STYLE[p.department].mark}</span>
        </span>
      ))}
      {people.length > shown.length && <span className="avatar more">+{people.length - shown.length}</span>}
    </div>
  );
}
