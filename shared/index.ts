// The board model's public surface, for client and server.
export { readMeta, type BoardMeta } from './doc/boardDoc.ts';
export * from './doc/origins.ts';
export * from './migrations/migrate.ts';
export * from './model/boardModel.ts';
export * from './model/commands/index.ts';
export * from './model/createBoard.ts';
export * from './model/errors.ts';
export * from './model/history.ts';
export * from './model/snapshot.ts';
export * from './schema/department.ts';
export * from './schema/ids.ts';
export * from './schema/lane.ts';
export * from './schema/limits.ts';
export * from './schema/note.ts';
export * from './schema/noteKind.ts';
export * from './schema/stage.ts';
export * from './templates/index.ts';
export * from './presence/presence.ts';
