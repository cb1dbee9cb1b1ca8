import { z } from 'zod';
import { isRecordId, type ChannelId } from './ids.ts';

/**
 * Through what a touchpoint happens: web, phone, store… (schema 8). A board keeps its own list,
 * which editors rename, extend and reorder; a note names one channel by id (`channel` key), so a
 * rename shows on every note at once. A note naming a channel that was removed concurrently
 * reads as having none.
 */
export interface Channel {
  readonly typeName: 'channel';
  readonly id: ChannelId;
  readonly name: string;
  readonly icon: ChannelIcon;
  /** Fractional index; channels sort by (index, id). */
  readonly index: string;
}

/** The glyphs a channel can show (client/geometry/channelIcons.ts draws them). */
export const CHANNEL_ICONS = ['web', 'app', 'email', 'phone', 'chat', 'store', 'social', 'partner', 'other'] as const;
export type ChannelIcon = (typeof CHANNEL_ICONS)[number];

export const CHANNEL_LIMITS = { nameLength: 40, perBoard: 30 } as const;

/**
 * The list every board starts with. Their ids are fixed (`channel:web`…), so two servers that
 * migrate one board at once write the same records, and a template can name them.
 */
export const DEFAULT_CHANNELS: readonly { readonly key: ChannelIcon; readonly name: string }[] = [
  { key: 'web', name: 'Web' },
  { key: 'app', name: 'Mobile app' },
  { key: 'email', name: 'Email' },
  { key: 'phone', name: 'Phone' },
  { key: 'chat', name: 'Chat' },
  { key: 'store', name: 'Store' },
  { key: 'social', name: 'Social' },
  { key: 'partner', name: 'Partner' },
];

export function defaultChannelId(key: ChannelIcon): ChannelId {
  return `channel:${key}`;
}

/** The default list's records, with indexes of their own (fractional keys `a0`…`a7`, in order). */
export function defaultChannelRecords(): [ChannelId, { name: string; icon: ChannelIcon; index: string }][] {
  return DEFAULT_CHANNELS.map((c, i) => [defaultChannelId(c.key), { name: c.name, icon: c.key, index: `a${i}` }]);
}

export const channelIdSchema = z.custom<ChannelId>((v) => isRecordId('channel', v), 'Not a channel id');
export const channelIconSchema = z.enum(CHANNEL_ICONS, {
  error: () => `A channel's icon is one of ${CHANNEL_ICONS.join(', ')}`,
});
export const channelNameSchema = z
  .string()
  .trim()
  .min(1, 'A channel needs a name')
  .max(CHANNEL_LIMITS.nameLength, `A channel's name has at most ${CHANNEL_LIMITS.nameLength} characters`);

/** Tolerant: a field that does not match reads as its default; unknown fields are ignored. */
export function readChannel(id: ChannelId, raw: Record<string, unknown>): Channel {
  const icon = channelIconSchema.safeParse(raw.icon);
  return {
    typeName: 'channel',
    id,
    name: typeof raw.name === 'string' && raw.name.trim() !== '' ? raw.name : 'Unnamed channel',
    icon: icon.success ? icon.data : 'other',
    index: typeof raw.index === 'string' ? raw.index : 'a0',
  };
}
