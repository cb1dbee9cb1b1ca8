import { useSession } from '../../board/hooks.ts';
import { LockIcon } from './FacilitateMenu.tsx';
import { useIsFacilitator, useWorkshop } from '../../board/workshop/useWorkshop.ts';
import './workshop.css';

/** Under the top bar while the board is locked: participants learn why they cannot edit; the facilitator can unlock. */
export function LockBanner() {
  const { workshop } = useSession();
  const lock = useWorkshop((v) => v.state.lock);
  const facilitator = useIsFacilitator();
  if (!lock.locked) return null;
  return (
    <div className="lock-banner" role="status" data-testid="lock-banner">
      <LockIcon size={16} />
      {facilitator ? (
        <>
          <span>
            <strong>Board locked{lock.byTimer ? ' when time ran out' : ''}.</strong> Participants can look but not
            change it{lock.commentsOpen ? '; comments stay open' : ''}. You can still edit.
          </span>
          <button
            type="button"
            className="btn lock-banner-btn"
            onClick={() => workshop.setLock(false)}
            data-testid="lock-banner-unlock"
          >
            Unlock
          </button>
        </>
      ) : (
        <span>
          <strong>The facilitator locked the board{lock.byTimer ? ' when time ran out' : ''}.</strong> You can look
          around; changes wait until it is unlocked.
        </span>
      )}
    </div>
  );
}
