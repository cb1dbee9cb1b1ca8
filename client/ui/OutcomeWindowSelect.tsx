const OUTCOME_WINDOWS = [1, 2, 3, 6, 12] as const;

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
  return (
    <select id={id} data-testid={testId} value={value} onChange={(e) => onChange(Number(e.target.value))}>
      {OUTCOME_WINDOWS.map((w) => (
        <option key={w} value={w}>
          {w} measurement{w === 1 ? '' : 's'} each side
        </option>
      ))}
    </select>
  );
}
