import type { InputHTMLAttributes, ReactNode } from 'react';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'> & {
  readonly id: string;
  readonly label: ReactNode;
  readonly value: string;
  readonly onValue: (value: string) => void;
  /** The label's look: a field label above the input, or `sr-only` where a placeholder shows the purpose. */
  readonly labelClassName?: string;
  readonly 'data-testid'?: string;
};

/** A text input with its label. */
export function TextField({ id, label, onValue, labelClassName = 'field-label', ...input }: Props) {
  return (
    <>
      <label className={labelClassName} htmlFor={id}>
        {label}
      </label>
      <input id={id} {...input} onChange={(e) => onValue(e.target.value)} />
    </>
  );
}
