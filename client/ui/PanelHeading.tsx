import type { ReactNode } from 'react';
import { CloseButton } from './IconButton.tsx';

/** The top of a floating panel: its title with a line under it, and the button that closes it. */
export function PanelHeading({
  className,
  titleId,
  title,
  sub,
  closeLabel = 'Close',
  closeTestId,
  onClose,
}: {
  className: string;
  titleId?: string;
  title: ReactNode;
  sub: ReactNode;
  closeLabel?: string;
  closeTestId?: string;
  onClose: () => void;
}) {
  return (
    <header className={className}>
      <div>
        <h2 id={titleId}>{title}</h2>
        {sub}
      </div>
      <CloseButton label={closeLabel} onClick={onClose} data-testid={closeTestId} />
    </header>
  );
}
