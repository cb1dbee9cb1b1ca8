import { useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A modal dialog: labelled, closes on Escape and on the backdrop, and gives the focus back to
 * whatever had it when it opened (the button that opened it, usually).
 */
export function Dialog({
  title,
  children,
  onClose,
  className,
}: {
  title: string;
  children: ReactNode;
  onClose?: () => void;
  className?: string;
}) {
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  const closeRef = useRef(onClose);
  closeRef.current = onClose;

  // Read while rendering: by the time effects run, an autoFocus field inside has the focus.
  const [opener] = useState(() =>
    document.activeElement instanceof HTMLElement && document.activeElement !== document.body
      ? document.activeElement
      : null,
  );
  useLayoutEffect(() => {
    if (ref.current && !ref.current.contains(document.activeElement)) ref.current.focus();
    return () => {
      // The opener may be gone (a menu that closed): then the focus stays where the browser puts it.
      if (opener?.isConnected) opener.focus();
    };
  }, [opener]);

  const closable = onClose !== undefined;
  useEffect(() => {
    if (!closable) return;
    // Capture phase on window: forms inside stop their keys from reaching the board's shortcuts
    // (React's stopPropagation), which would otherwise keep Escape from ever closing the dialog.
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || !ref.current || !isTopmost(ref.current)) return;
      e.stopPropagation();
      closeRef.current?.();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [closable]);

  return (
    <div className="dialog-backdrop" onPointerDown={(e) => e.target === e.currentTarget && onClose?.()}>
      <div
        ref={ref}
        tabIndex={-1}
        className={className ? `dialog ${className}` : 'dialog'}
        role="dialog"
        aria-modal="true"
        aria-labelledby={id}
      >
        <h2 id={id}>{title}</h2>
        {children}
      </div>
    </div>
  );
}

/** Only the dialog opened last closes on one Escape. */
function isTopmost(dialog: Element): boolean {
  const open = document.querySelectorAll('[role="dialog"][aria-modal="true"]');
  return open[open.length - 1] === dialog;
}
