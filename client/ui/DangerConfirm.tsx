import type { HTMLAttributes, ReactNode } from 'react';

/**
 * "Are you sure?" in place, for a step that cannot be taken back (restore a checkpoint, replace
 * a link): what it does, Cancel, and the red button. Both are off while the step runs (`busy`).
 */
export function DangerConfirm({
  className,
  message,
  confirm,
  confirmTestId,
  busy,
  onCancel,
  onConfirm,
  ...box
}: Omit<HTMLAttributes<HTMLDivElement>, 'className'> & {
  className: string;
  message: ReactNode;
  confirm: ReactNode;
  confirmTestId: string;
  busy: boolean;
  onCancel: () => void;
  onConfirm: () => void;
  'data-testid'?: string;
}) {
  return (
    <div className={`danger-confirm ${className}`} {...box}>
      <span>{message}</span>
      <button type="button" className="btn" onClick={onCancel} disabled={busy}>
        Cancel
      </button>
      <button type="button" className="btn danger" onClick={onConfirm} disabled={busy} data-testid={confirmTestId}>
        {confirm}
      </button>
    </div>
  );
}
