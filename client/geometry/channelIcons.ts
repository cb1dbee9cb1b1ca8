import type { ChannelIcon } from '../../shared/index.ts';

/**
 * Each channel's glyph as SVG path data on a 16-unit grid, stroked, not filled: the same data
 * draws it on a note (a Konva Path) and in the panels (an <svg>), so the two always agree.
 */
export const CHANNEL_GLYPH: Record<ChannelIcon, string> = {
  // A globe: the outline, the equator and one meridian.
  web: 'M8 1.5a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13M1.5 8h13M8 1.5c-2.4 2.2-2.4 10.8 0 13M8 1.5c2.4 2.2 2.4 10.8 0 13',
  // A phone handset seen from the front.
  app: 'M5 1.5h6a1 1 0 0 1 1 1v11a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1v-11a1 1 0 0 1 1-1M7 12.5h2',
  email: 'M2 3.5h12v9H2zM2 4l6 5l6-5',
  // A telephone receiver.
  phone:
    'M3.5 2l2.5 0.5l1 3l-1.5 1.2a8 8 0 0 0 3.8 3.8l1.2-1.5l3 1l0.5 2.5a1.5 1.5 0 0 1-1.5 1.5A11.5 11.5 0 0 1 2 3.5A1.5 1.5 0 0 1 3.5 2',
  chat: 'M2 3h12v8H7l-3 2.5V11H2z',
  store: 'M2 6.5l1.5-4h9l1.5 4M2 6.5h12M3 6.5v7h10v-7M6.5 13.5v-4h3v4',
  social:
    'M5.5 6a2 2 0 1 0 0.01 0M11 5a1.6 1.6 0 1 0 0.01 0M1.5 13.5c0.5-2.5 2-3.5 4-3.5s3.5 1 4 3.5M9.5 9.5c1.8-0.6 4 0 5 3',
  partner: 'M1.5 7l3-2.5l2.5 1.5l2.5-1.5l5 2.5M4.5 4.5v5l3 3l2-1.5l2 1l2.5-2.5V7M7 6l2.5 3',
  other: 'M8 2a6 6 0 1 0 0 12a6 6 0 1 0 0-12M5 8h0.01M8 8h0.01M11 8h0.01',
};
