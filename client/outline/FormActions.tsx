/** The end of an outline form: its submit button, then Cancel. */
export function FormActions({ submit, onCancel }: { submit: string; onCancel: () => void }) {
  return (
    <div className="outline-actions">
      <button className="btn primary" type="submit">
        {submit}
      </button>
      <button className="btn" type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
