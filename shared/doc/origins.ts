/**
 * Every transaction we start carries one of these origins. Undo tracks only `local`, so a
 * colleague's edit (applied by the provider with its own origin) is never undone by us.
 */
export const ORIGIN = {
  /** A person's intent, in the client that made it. */
  local: 'journeyboard:local',
  /** The server writing on its own behalf (board creation, vote results). */
  server: 'journeyboard:server',
  /** A schema migration run on load. */
  migration: 'journeyboard:migration',
} as const;

export type Origin = (typeof ORIGIN)[keyof typeof ORIGIN];
