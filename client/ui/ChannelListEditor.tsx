import { useState } from 'react';
import { CHANNEL_ICONS, CHANNEL_LIMITS, type Channel, type ChannelIcon } from '../../shared/index.ts';
import { useBoard, useSession } from '../board/hooks.ts';
import { ChannelGlyph } from './ChannelGlyph.tsx';
import { choicesOf, Select } from './Select.tsx';

const ICON_LABEL: Record<ChannelIcon, string> = {
  web: 'Globe',
  app: 'Mobile',
  email: 'Envelope',
  phone: 'Telephone',
  chat: 'Speech bubble',
  store: 'Shop',
  social: 'People',
  partner: 'Handshake',
  other: 'Dots',
};
const ICON_CHOICES = choicesOf(CHANNEL_ICONS, (icon) => ICON_LABEL[icon]);

/** The board's channel list for editors: rename, change the glyph, remove, add. */
export function ChannelListEditor() {
  const session = useSession();
  const board = useBoard();
  const [name, setName] = useState('');
  const full = board.channels.length >= CHANNEL_LIMITS.perBoard;
  return (
    <details className="channel-editor">
      <summary>Edit the channel list</summary>
      <ul className="channel-list">
        {board.channels.map((c) => (
          <ChannelRow key={c.id} channel={c} />
        ))}
      </ul>
      <form
        className="persona-add"
        onSubmit={(e) => {
          e.preventDefault();
          if (!name.trim()) return;
          if (session.run('addChannel', { name: name.trim() })) setName('');
        }}
      >
        <label className="sr-only" htmlFor="new-channel">
          New channel’s name
        </label>
        <input
          id="new-channel"
          value={name}
          maxLength={CHANNEL_LIMITS.nameLength}
          placeholder={full ? `At most ${CHANNEL_LIMITS.perBoard} channels` : 'New channel, e.g. Kiosk'}
          disabled={full}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" className="btn primary" disabled={!name.trim() || full}>
          Add
        </button>
      </form>
    </details>
  );
}

function ChannelRow({ channel }: { channel: Channel }) {
  const session = useSession();
  const [draft, setDraft] = useState(channel.name);
  const commit = () => {
    const next = draft.trim();
    if (next && next !== channel.name) {
      if (!session.run('updateChannel', { channelId: channel.id, patch: { name: next } })) setDraft(channel.name);
    } else setDraft(channel.name);
  };
  return (
    <li className="channel-row">
      <ChannelGlyph icon={channel.icon} />
      <input
        aria-label={`Name of the channel ${channel.name}`}
        value={draft}
        maxLength={CHANNEL_LIMITS.nameLength}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
      <Select
        aria-label={`Icon of ${channel.name}`}
        value={channel.icon}
        onValue={(icon) => session.run('updateChannel', { channelId: channel.id, patch: { icon } })}
        choices={ICON_CHOICES}
      />
      <button
        type="button"
        className="icon-button"
        aria-label={`Remove the channel ${channel.name}`}
        title="Remove (its notes keep their place, on no channel)"
        onClick={() => session.run('removeChannel', { channelId: channel.id })}
      >
        ×
      </button>
    </li>
  );
}
