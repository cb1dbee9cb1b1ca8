import { useEffect, useRef, useState } from 'react';

/**
 * A button's popover (a menu, the Facilitate panel): whether it is open, the element that holds
 * both (`root`) and the button. A press anywhere outside `root` closes it.
 */
export function usePopover<T extends HTMLElement>() {
  const [open, setOpen] = useState(false);
  const root = useRef<T>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('pointerdown', close);
    return () => window.removeEventListener('pointerdown', close);
  }, [open]);
  return { open, setOpen, root, button };
}
