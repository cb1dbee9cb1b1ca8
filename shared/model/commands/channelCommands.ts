import { z } from 'zod';
import { newRecordMap, recordsMap } from '../../doc/boardDoc.ts';
import { CHANNEL_LIMITS, channelIconSchema, channelIdSchema, channelNameSchema } from '../../schema/channel.ts';
import { newId } from '../../schema/ids.ts';
import { noteIdSchema } from '../../schema/note.ts';
import { CommandError } from '../errors.ts';
import { indexAfterLast, indexAt } from '../ordering.ts';
import { requireRecord } from './context.ts';
import { command } from './define.ts';

/** Adds a channel at the end of the board's list; its name must differ from the others'. */
export const addChannel = command(
  z.object({ name: channelNameSchema, icon: channelIconSchema.default('other') }),
  (ctx, { name, icon }) => {
    const channels = ctx.board().channels;
    if (channels.length >= CHANNEL_LIMITS.perBoard)
      throw new CommandError('invalid-input', `A board has at most ${CHANNEL_LIMITS.perBoard} channels.`);
    if (channels.some((c) => sameName(c.name, name)))
      throw new CommandError('invalid-input', `There is a channel called “${name}” already.`);
    const id = newId('channel');
    recordsMap(ctx.doc).set(id, newRecordMap({ name, icon, index: indexAfterLast(channels) }));
    return id;
  },
);

/** Renames a channel or changes its icon; every note on it shows the change at once. */
export const updateChannel = command(
  z.object({
    channelId: channelIdSchema,
    patch: z.object({ name: channelNameSchema.optional(), icon: channelIconSchema.optional() }),
  }),
  (ctx, { channelId, patch }) => {
    const rec = requireRecord(ctx, channelId, 'channel');
    if (patch.name === undefined && patch.icon === undefined)
      throw new CommandError('invalid-input', 'Nothing to change.');
    const { name } = patch;
    if (name !== undefined && ctx.board().channels.some((c) => c.id !== channelId && sameName(c.name, name)))
      throw new CommandError('invalid-input', `There is a channel called “${name}” already.`);
    if (name !== undefined) rec.set('name', name);
    if (patch.icon !== undefined) rec.set('icon', patch.icon);
  },
);

export const moveChannel = command(
  z.object({ channelId: channelIdSchema, position: z.number().int().min(0) }),
  (ctx, { channelId, position }) => {
    requireRecord(ctx, channelId, 'channel').set('index', indexAt(ctx.board().channels, position, channelId));
  },
);

/** Removes a channel; the notes on it keep their text and place and have no channel any more. */
export const removeChannel = command(z.object({ channelId: channelIdSchema }), (ctx, { channelId }) => {
  requireRecord(ctx, channelId, 'channel');
  const records = recordsMap(ctx.doc);
  for (const n of ctx.board().notes) if (n.channelId === channelId) records.get(n.id)?.delete('channel');
  records.delete(channelId);
});

/** Puts notes on a channel, or (null) on none. */
export const setNoteChannel = command(
  z.object({ noteIds: z.array(noteIdSchema).min(1).max(5000), channelId: channelIdSchema.nullable() }),
  (ctx, { noteIds, channelId }) => {
    if (channelId !== null) requireRecord(ctx, channelId, 'channel');
    const records = noteIds.map((id) => requireRecord(ctx, id, 'note'));
    for (const rec of records) {
      if (channelId === null) rec.delete('channel');
      else rec.set('channel', channelId);
    }
  },
);

function sameName(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
}
