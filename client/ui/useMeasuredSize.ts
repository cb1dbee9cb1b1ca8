import { type RefObject, useLayoutEffect, useRef, useState } from 'react';

/**
 * The size a floating toolbar took at its last render: it wraps to the width it has, and is
 * placed by its size (placeToolbar), so the first render uses `initial`.
 */
export function useMeasuredSize(initial: { width: number; height: number }): {
  ref: RefObject<HTMLDivElement | null>;
  size: { width: number; height: number };
} {
  const ref = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState(initial);
  useLayoutEffect(() => {
    const el = ref.current;
    if (el && (el.offsetWidth !== size.width || el.offsetHeight !== size.height))
      setSize({ width: el.offsetWidth, height: el.offsetHeight });
  });
  return { ref, size };
}
