import type { Role } from '../../shared/index.ts';
import { ROLE_READ_ONLY_REASON } from '../board/access.ts';
import { RoleIcon } from './roleIcons.tsx';
import './share.css';

/** Under the top bar for a role that cannot change the board: says so, and why. */
export function ReadOnlyBanner({ role }: { role: Role }) {
  return (
    <div className="readonly-banner" role="status" data-testid="read-only-banner">
      <RoleIcon role={role} size={16} />
      <span>
        <strong>{role === 'viewer' ? 'View only.' : 'Comment only.'}</strong> {ROLE_READ_ONLY_REASON[role]}
      </span>
    </div>
  );
}
