import { useSession } from '../../board/hooks.ts';
import { useStore } from '../../board/store.ts';
import { useIsFacilitator } from '../../board/workshop/useWorkshop.ts';

const SHOWN = 3;

/** Under the top bar, for facilitators while admission is on: who is waiting, to let in or turn away. */
export function LobbyBanner() {
  const { people } = useSession();
  const lobby = useStore(people.lobby, (l) => l);
  const facilitator = useIsFacilitator();
  if (!facilitator || !lobby.admission || lobby.waiting.length === 0) return null;
  const shown = lobby.waiting.slice(0, SHOWN);
  return (
    <section className="lobby-banner" aria-label="People waiting to join" data-testid="lobby-banner">
      <strong>
        {lobby.waiting.length === 1
          ? '1 person is waiting to join'
          : `${lobby.waiting.length} people are waiting to join`}
      </strong>
      <ul className="lobby-list">
        {shown.map((w) => (
          <li key={w.personId} data-testid="lobby-person" data-name={w.name}>
            <span className="lobby-name">{w.name}</span>
            <button
              type="button"
              className="btn primary lobby-admit"
              onClick={() => people.admit(w.personId)}
              aria-label={`Admit ${w.name}`}
            >
              Admit
            </button>
            <button
              type="button"
              className="btn lobby-deny"
              onClick={() => people.turnAway(w.personId)}
              aria-label={`Turn ${w.name} away`}
            >
              Turn away
            </button>
          </li>
        ))}
        {lobby.waiting.length > SHOWN && (
          <li>
            <button
              type="button"
              className="btn"
              onClick={() => lobby.waiting.forEach((w) => people.admit(w.personId))}
            >
              Admit all {lobby.waiting.length}
            </button>
          </li>
        )}
      </ul>
    </section>
  );
}
