// The comments document's model: layout, records, commands, snapshots, queries.
export * from './commands.ts';
export * from './doc.ts';
export * from './exchange.ts';
export * from './migrations.ts';
export * from './queries.ts';
export * from './schema.ts';
export * from './snapshot.ts';
export * from './text.ts';
export * from './commentsModel.ts';
export * from './repairs.ts';
