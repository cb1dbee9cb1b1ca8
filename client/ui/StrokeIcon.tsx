import type { ReactNode } from 'react';

/** A line icon on the 16-unit grid the bars use, drawn in the text colour; decorative (the control has the name). */
export function StrokeIcon({
  size = 15,
  strokeWidth = 1.7,
  roundJoins = false,
  children,
}: {
  size?: number;
  strokeWidth?: number;
  roundJoins?: boolean;
  children: ReactNode;
}) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth={strokeWidth}
      strokeLinecap="round"
      strokeLinejoin={roundJoins ? 'round' : undefined}
      aria-hidden
    >
      {children}
    </svg>
  );
}
