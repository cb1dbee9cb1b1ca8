import type { ReactNode } from 'react';

/** A checkbox and its words, one label; `className` gives the look (`fp-check` in the panels, `inline-check` in a dialog). */
export function Check({
  className,
  checked,
  onChange,
  testId,
  children,
}: {
  className: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  testId: string;
  children: ReactNode;
}) {
  return (
    <label className={className}>
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} data-testid={testId} />
      {children}
    </label>
  );
}
