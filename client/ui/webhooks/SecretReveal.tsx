import { useState } from 'react';
import { copyOrSelect } from '../clipboard.ts';

/** A signing secret the server shows once: select, copy, and a plain warning that it will not come back. */
export function SecretReveal({ secret, url, onDone }: { secret: string; url: string; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => setCopied(await copyOrSelect(secret, 'webhook-secret'));
  return (
    <div className="wh-secret" role="status" data-testid="webhook-secret-box">
      <p className="wh-secret-title">
        <strong>Signing secret</strong> for <span className="wh-url-inline">{url}</span>
      </p>
      <p className="wh-secret-note">
        Copy it now: it is shown only this once. Your receiver checks each request’s
        <code> Journeyboard-Signature</code> with it.
      </p>
      <div className="wh-secret-row">
        <input
          readOnly
          value={secret}
          aria-label="Signing secret"
          onFocus={(e) => e.currentTarget.select()}
          data-testid="webhook-secret"
        />
        <button type="button" className="btn primary" onClick={() => void copy()} data-testid="webhook-secret-copy">
          {copied ? 'Copied' : 'Copy'}
        </button>
        <button type="button" className="btn" onClick={onDone} data-testid="webhook-secret-done">
          Done
        </button>
      </div>
    </div>
  );
}
