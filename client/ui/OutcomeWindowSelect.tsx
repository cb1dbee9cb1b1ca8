import { choicesOf, Select } from './Select.tsx';

const WINDOW_CHOICES = choicesOf([1, 2, 3, 6, 12], (w) => `${w} measurement${w === 1 ? '' : 's'} each side`);

/** "Did it work?": how many measurements on each side of "done" the means are taken over. */
export function OutcomeWindowSelect({
  id,
  value,
  onChange,
  testId,
}: {
  /** The id its `<label htmlFor>` names. */
  id: string;
  value: number;
  onChange: (window: number) => void;
  testId?: string;
}) {
  return <Select id={id} data-testid={testId} value={value} onValue={onChange} choices={WINDOW_CHOICES} />;
}
