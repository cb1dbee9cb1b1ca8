import type { ReactionName } from '../../../shared/comments/index.ts';

/**
 * Reactions drawn as small icons rather than emoji characters: they look the same on every
 * system, including machines without a colour-emoji font (the stored names are in
 * shared/comments/schema.ts; REACTIONS maps them to emoji for exports).
 */
export function ReactionIcon({ reaction, size = 16 }: { reaction: ReactionName; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 20 20" aria-hidden focusable="false" className="reaction-icon">
      {ICONS[reaction]}
    </svg>
  );
}

const face = (fill: string) => <circle cx="10" cy="10" r="8.5" fill={fill} stroke="#d97706" strokeWidth="1" />;

/** The yellow face of smile and wow, its eyes at height `eyeY`. */
const yellowFace = (eyeY: number) => (
  <>
    {face('#fcd34d')}
    <circle cx="7" cy={eyeY} r="1.2" fill="#78350f" />
    <circle cx="13" cy={eyeY} r="1.2" fill="#78350f" />
  </>
);

const ICONS: Record<ReactionName, React.ReactNode> = {
  thumbs: (
    <path
      d="M7 9 L10.2 3.2 C10.6 2.5 11.9 2.7 12 3.6 L11.6 8 H16 C17 8 17.7 8.9 17.5 9.9 L16.4 15.6 C16.2 16.4 15.5 17 14.7 17 H7 Z M2.5 9 H5.5 V17 H2.5 Z"
      fill="#f5b642"
      stroke="#b45309"
      strokeWidth="1"
      strokeLinejoin="round"
    />
  ),
  heart: (
    <path
      d="M10 17 C4 12.6 2 10.2 2 7.2 C2 4.9 3.8 3 6 3 C7.6 3 9 4 10 5.4 C11 4 12.4 3 14 3 C16.2 3 18 4.9 18 7.2 C18 10.2 16 12.6 10 17 Z"
      fill="#ef4444"
    />
  ),
  tada: (
    <g>
      <path d="M3 17 L7 6 L14 13 Z" fill="#f59e0b" stroke="#b45309" strokeWidth="0.8" strokeLinejoin="round" />
      <circle cx="14" cy="4" r="1.3" fill="#ec4899" />
      <circle cx="17" cy="8" r="1.1" fill="#3b82f6" />
      <circle cx="11" cy="3" r="0.9" fill="#10b981" />
      <path d="M12 7 L16 3.5 M13.5 9 L17.5 6.5" stroke="#8b5cf6" strokeWidth="1.2" strokeLinecap="round" />
    </g>
  ),
  smile: (
    <g>
      {yellowFace(8)}
      <path d="M6 11.5 Q10 15.5 14 11.5" stroke="#78350f" strokeWidth="1.4" fill="none" strokeLinecap="round" />
    </g>
  ),
  wow: (
    <g>
      {yellowFace(7.5)}
      <ellipse cx="10" cy="13" rx="2" ry="2.5" fill="#78350f" />
    </g>
  ),
  eyes: (
    <g>
      <ellipse cx="6.5" cy="10" rx="4" ry="6" fill="#fff" stroke="#374151" strokeWidth="1.2" />
      <ellipse cx="13.5" cy="10" rx="4" ry="6" fill="#fff" stroke="#374151" strokeWidth="1.2" />
      <circle cx="7.8" cy="11" r="1.9" fill="#111827" />
      <circle cx="14.8" cy="11" r="1.9" fill="#111827" />
    </g>
  ),
};
