import type { Ref } from 'react';
import { BACKUP_FILE } from '../api/exports.ts';

/**
 * A file input kept out of sight: a button of its own opens it (`ref.current.click()`), and the
 * picked file goes to `onFile`. It forgets the file at once, so picking the same file again is a
 * change too (a fixed CSV, a second import of one backup).
 */
export function FileInput({
  ref,
  accept,
  label,
  onFile,
  'data-testid': testId,
}: {
  ref: Ref<HTMLInputElement>;
  accept: string;
  label: string;
  onFile: (file: File) => void;
  'data-testid': string;
}) {
  return (
    <input
      ref={ref}
      type="file"
      accept={accept}
      className="sr-only"
      tabIndex={-1}
      aria-label={label}
      data-testid={testId}
      onChange={(e) => {
        const file = e.target.files?.[0];
        e.target.value = '';
        if (file) onFile(file);
      }}
    />
  );
}

/** The file input behind an "Import a board backup" button (`importBoardFile`). */
export function BackupFileInput(props: {
  ref: Ref<HTMLInputElement>;
  onFile: (file: File) => void;
  'data-testid': string;
}) {
  return <FileInput {...props} accept={BACKUP_FILE} label="Board backup file" />;
}
