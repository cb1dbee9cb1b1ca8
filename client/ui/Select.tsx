import type { SelectHTMLAttributes } from 'react';

/** What a choice may stand for; `null` is "none" ("No timer"), held by the DOM as the empty string. */
type Value = string | number | null;

/** One entry of a `Select`: the value it stands for and the words shown. */
export type Choice<T extends Value> = {
  readonly value: T;
  readonly label: string;
  readonly disabled?: boolean;
};

type Props<T extends Value> = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> & {
  readonly value: T;
  readonly choices: readonly Choice<T>[];
  readonly onValue: (value: T) => void;
  readonly 'data-testid'?: string;
};

/**
 * A drop-down of fixed choices. What it hands back is always one of `choices` (the typed value, a
 * number stays a number), never the string the DOM holds.
 */
export function Select<T extends Value>({ value, choices, onValue, ...select }: Props<T>) {
  return (
    <select
      {...select}
      value={domValue(value)}
      onChange={(e) => {
        const picked = choices.find((c) => domValue(c.value) === e.target.value);
        if (picked) onValue(picked.value);
      }}
    >
      {choices.map((c) => (
        <option key={domValue(c.value)} value={domValue(c.value)} disabled={c.disabled}>
          {c.label}
        </option>
      ))}
    </select>
  );
}

/** The choices for a list of values, each named by `label`. */
export function choicesOf<T extends Value>(values: readonly T[], label: (value: T) => string): Choice<T>[] {
  return values.map((value) => ({ value, label: label(value) }));
}

function domValue(value: Value): string {
  return value === null ? '' : String(value);
}
