import { z } from 'zod';
import { ROLES } from './roles.ts';

/** `GET /api/me`: whether company sign-in is on, and who this browser's session is. */
export const meSchema = z.object({
  signInAvailable: z.boolean(),
  signedIn: z.boolean(),
  person: z.object({ id: z.string(), name: z.string().nullable(), email: z.string().nullable() }).nullable(),
});
export type Me = z.infer<typeof meSchema>;

/** `GET /api/me/boards`: boards a signed-in person joined, most recently seen first. */
export const myBoardsSchema = z.object({
  boards: z.array(z.object({ id: z.string(), title: z.string(), role: z.enum(ROLES), lastSeen: z.number() })),
});
export type MyBoard = z.infer<typeof myBoardsSchema>['boards'][number];

/** The header our client sends on POST /auth/logout (a cross-site form cannot). */
export const CSRF_HEADER = 'x-journeyboard-request';
