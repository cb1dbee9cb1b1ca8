import { useSession } from '../../board/hooks.ts';
import { usePeersInColour } from '../../board/peopleColours.ts';
import { useWorkshop } from '../../board/workshop/useWorkshop.ts';
import './workshop.css';
import { OverBoard } from '../OverBoard.tsx';

/** While I follow someone: whose view, and how to stop (panning or zooming by hand stops too). */
export function FollowBanner() {
  const { workshop } = useSession();
  const following = useWorkshop((v) => v.following);
  const peers = usePeersInColour();
  const peer = following === null ? undefined : peers.find((p) => p.clientId === following);
  if (!peer) return null;
  return (
    <OverBoard
      className="follow-banner"
      role="status"
      data-testid="follow-banner"
      style={{ borderColor: peer.user.colour }}
    >
      <span className="follow-dot" style={{ background: peer.user.colour }} aria-hidden />
      <span>
        Following <strong>{peer.user.name}</strong>
      </span>
      <span className="follow-sep" aria-hidden>
        ·
      </span>
      <button type="button" className="follow-stop" onClick={() => workshop.stopFollowing()} data-testid="follow-stop">
        Stop
      </button>
      <span className="follow-hint">or pan to leave</span>
    </OverBoard>
  );
}
