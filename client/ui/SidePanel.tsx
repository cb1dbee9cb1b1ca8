import type { ReactNode } from 'react';

/**
 * A panel at the side of the board: a title, a close button and its content. Pointer presses stay
 * in it, so the canvas below does not start a pan or a selection; with `ownKeys`, key presses too
 * (panels with fields of their own, where typing must not fire board shortcuts).
 */
export function SidePanel({
  className,
  titleId,
  title,
  testId,
  onClose,
  closeLabel = 'Close',
  ownKeys = false,
  children,
}: {
  className?: string;
  titleId: string;
  title: ReactNode;
  testId: string;
  onClose: () => void;
  closeLabel?: string;
  ownKeys?: boolean;
  children: ReactNode;
}) {
  return (
    <aside
      className={className ? `side-panel ${className}` : 'side-panel'}
      aria-labelledby={titleId}
      data-testid={testId}
      onPointerDown={(e) => e.stopPropagation()}
      onKeyDown={ownKeys ? (e) => e.stopPropagation() : undefined}
    >
      <header className="side-panel-header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="icon-button" aria-label={closeLabel} onClick={onClose}>
          ×
        </button>
      </header>
      {children}
    </aside>
  );
}
