import { useRef, useState } from 'react';
import './priority.css';
import { importBoardFile } from '../api/exports.ts';
import { BackupFileInput } from './FileInput.tsx';

/** Home page: a new board from a backup file (`GET /api/boards/:id/export.json`). */
export function ImportBoardButton() {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const importFile = async (file: File) => {
    setBusy(true);
    setMessage(null);
    try {
      const created = await importBoardFile(file);
      if (created.warnings.length) {
        // Say what did not come over before leaving the page.
        setMessage({ text: `${created.warnings.join(' ')} Opening the board…`, error: false });
        await new Promise((r) => setTimeout(r, 2500));
      }
      window.location.assign(created.url);
    } catch (error) {
      setMessage({ text: error instanceof Error ? error.message : String(error), error: true });
      setBusy(false);
    }
  };
  return (
    <div className="import-board">
      <p className="muted small">
        Have a board backup (a <code>…-backup.json</code> file from a board’s Priorities panel)? Import it as a new
        board with new links.
      </p>
      <button
        type="button"
        className="btn"
        data-testid="home-import"
        disabled={busy}
        onClick={() => input.current?.click()}
      >
        {busy ? 'Importing…' : 'Import a board backup…'}
      </button>
      <BackupFileInput ref={input} data-testid="home-import-file" onFile={(f) => void importFile(f)} />
      {message && (
        <p className={message.error ? 'error small' : 'muted small'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </div>
  );
}
