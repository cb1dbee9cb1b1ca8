/** A speech bubble, drawn (not an emoji: it looks the same on every system font). */
export function CommentIcon({ size = 15 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 16 16" aria-hidden focusable="false" className="comment-icon">
      <path
        d="M3 2h10a2 2 0 0 1 2 2v6a2 2 0 0 1-2 2H8l-3.2 2.6a.5.5 0 0 1-.8-.4V12H3a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2z"
        fill="currentColor"
      />
    </svg>
  );
}
