import type { Ref } from 'react';
import { showToast } from '../board/editorState.ts';
import { useSession } from '../board/hooks.ts';
import { FileInput } from '../ui/FileInput.tsx';

/** A CSV file picked for an import: its name and its text. */
export type PickedCsv = { name: string; text: string };

/**
 * The hidden input behind an "Import CSV…" button: a file over `maxBytes` is refused with a toast
 * (`tooLarge` says why), a smaller one is read and handed over.
 */
export function CsvFileInput({
  ref,
  label,
  maxBytes,
  tooLarge,
  onCsv,
  'data-testid': testId,
}: {
  ref: Ref<HTMLInputElement>;
  label: string;
  maxBytes: number;
  tooLarge: (file: File) => string;
  onCsv: (csv: PickedCsv) => void;
  'data-testid': string;
}) {
  const session = useSession();
  return (
    <FileInput
      ref={ref}
      accept=".csv,text/csv,text/plain"
      label={label}
      data-testid={testId}
      onFile={async (f) => {
        if (f.size > maxBytes) return showToast(session.editor, tooLarge(f), 'error');
        onCsv({ name: f.name, text: await f.text() });
      }}
    />
  );
}
