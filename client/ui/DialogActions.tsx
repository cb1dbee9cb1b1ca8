import type { ReactNode } from 'react';

/**
 * The end of a dialog: Cancel, then the button that does what the dialog is for. Without `onConfirm`
 * that button submits the dialog's form.
 */
export function DialogActions({
  onCancel,
  confirm,
  confirmTestId,
  onConfirm,
  disabled,
  danger = false,
}: {
  onCancel: () => void;
  confirm: ReactNode;
  confirmTestId?: string;
  onConfirm?: () => void;
  disabled?: boolean;
  danger?: boolean;
}) {
  return (
    <div className="dialog-actions">
      <button type="button" className="btn" onClick={onCancel}>
        Cancel
      </button>
      <button
        type={onConfirm ? 'button' : 'submit'}
        className={danger ? 'btn danger' : 'btn primary'}
        data-testid={confirmTestId}
        disabled={disabled}
        onClick={onConfirm}
      >
        {confirm}
      </button>
    </div>
  );
}
