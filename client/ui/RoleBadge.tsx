import { ROLE_INFO, type Role } from '../../shared/index.ts';
import { RoleIcon } from './roleIcons.tsx';
import './share.css';

/** In the top bar: which link I joined with; the tooltip says what it allows. */
export function RoleBadge({ role }: { role: Role }) {
  return (
    <span
      className={`role-badge role-${role}`}
      title={ROLE_INFO[role].description}
      data-testid="role-badge"
      data-role={role}
    >
      <RoleIcon role={role} />
      {role === 'viewer' ? 'View only' : ROLE_INFO[role].label}
    </span>
  );
}
