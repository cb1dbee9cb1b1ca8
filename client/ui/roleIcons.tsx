import type { ReactNode } from 'react';
import type { Role } from '../../shared/index.ts';
import { StrokeIcon } from './StrokeIcon.tsx';

/** Small inline SVG icons per role (no emoji: not every system font has them). */
export function RoleIcon({ role, size = 14 }: { role: Role; size?: number }) {
  return (
    <StrokeIcon size={size} strokeWidth={1.6} roundJoins>
      {ROLE_PATHS[role]}
    </StrokeIcon>
  );
}

const ROLE_PATHS: Record<Role, ReactNode> = {
  facilitator: <path d="M8 1.8l1.9 3.9 4.3.6-3.1 3 .7 4.3L8 11.6l-3.8 2 .7-4.3-3.1-3 4.3-.6z" />,
  editor: (
    <>
      <path d="M10.8 2.5l2.7 2.7L5.7 13H3v-2.7z" />
      <path d="M9.3 4l2.7 2.7" />
    </>
  ),
  commenter: <path d="M2.5 3.5h11v7h-6l-3.5 3v-3h-1.5z" />,
  viewer: (
    <>
      <path d="M1.5 8s2.4-4.5 6.5-4.5S14.5 8 14.5 8 12.1 12.5 8 12.5 1.5 8 1.5 8z" />
      <circle cx="8" cy="8" r="2" />
    </>
  ),
};
