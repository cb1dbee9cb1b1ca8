import { useEffect } from 'react';
import { useEditor, useSession } from '../board/hooks.ts';

export function Toasts() {
  const session = useSession();
  const toast = useEditor((s) => s.toast);
  useEffect(() => {
    if (!toast) return;
    const t = setTimeout(() => session.editor.update((s) => (s.toast?.id === toast.id ? { toast: null } : {})), 4000);
    return () => clearTimeout(t);
  }, [toast, session]);
  if (!toast) return null;
  return (
    <div className={`toast toast-${toast.tone}`} role={toast.tone === 'error' ? 'alert' : 'status'} data-testid="toast">
      {toast.message}
    </div>
  );
}
