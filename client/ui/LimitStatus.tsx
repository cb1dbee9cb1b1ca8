import type { CSSProperties } from 'react';

/** From this share of the limit on, the count shows under the text box. */
const NEAR = 0.9;

/**
 * Under a note being written: how many characters are left once it is near the limit, and what
 * a paste lost when it did not fit. Announced politely to screen readers.
 */
export function LimitStatus({
  length,
  limit,
  cut,
  style,
}: {
  length: number;
  limit: number;
  cut: number;
  style: CSSProperties;
}) {
  if (cut === 0 && length < limit * NEAR) return null;
  const n = (x: number) => x.toLocaleString('en');
  return (
    <div
      className={cut > 0 ? 'limit-status cut' : 'limit-status'}
      style={style}
      role="status"
      data-testid="note-limit-status"
    >
      {cut > 0 && <strong>The pasted text was too long: the last {n(cut)} characters were left out. </strong>}
      {n(length)} / {n(limit)} characters
    </div>
  );
}
