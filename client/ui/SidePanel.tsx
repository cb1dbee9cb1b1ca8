import type { ReactNode } from 'react';
import { CloseButton } from './IconButton.tsx';
import { OverBoard } from './OverBoard.tsx';

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
    <OverBoard
      as="aside"
      className={className ? `side-panel floating-card ${className}` : 'side-panel floating-card'}
      aria-labelledby={titleId}
      data-testid={testId}
      onKeyDown={ownKeys ? (e) => e.stopPropagation() : undefined}
    >
      <header className="side-panel-header">
        <h2 id={titleId}>{title}</h2>
        <CloseButton label={closeLabel} onClick={onClose} />
      </header>
      {children}
    </OverBoard>
  );
}
