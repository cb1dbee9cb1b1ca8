import type { Role } from '../../shared/index.ts';
import type { BoardLinks } from '../api/boards.ts';

/** My role on this board (from my share link) and the links I may hand out. */
export interface AccessState {
  /** null until the server has answered. */
  readonly role: Role | null;
  readonly links: BoardLinks['links'];
}

/** Why a role cannot change the board, in the words the read-only badge uses. */
export const ROLE_READ_ONLY_REASON: Partial<Record<Role, string>> = {
  viewer: 'You joined with a view-only link: you can follow the board live, but not change it.',
  commenter: 'You joined with a commenter link: you can follow the board live; changing it needs an editor link.',
};
