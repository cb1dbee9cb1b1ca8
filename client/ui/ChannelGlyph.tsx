import type { ChannelIcon } from '../../shared/index.ts';
import { CHANNEL_GLYPH } from '../geometry/channelIcons.ts';
import { StrokeIcon } from './StrokeIcon.tsx';

/** A channel's glyph, as the notes draw it; decorative (its name is always next to it). */
export function ChannelGlyph({ icon, size = 15 }: { icon: ChannelIcon; size?: number }) {
  return (
    <StrokeIcon size={size} strokeWidth={1.5} roundJoins>
      <path d={CHANNEL_GLYPH[icon]} />
    </StrokeIcon>
  );
}
